package com.javelo.scim.adapter.jooq.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreRenderedTest {

    private static final Table<?> THINGS = DSL.table(DSL.name("things"));
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<Integer> SIZE = DSL.field(DSL.name("size"), SQLDataType.INTEGER);
    private static final Param<String> NAME_VALUE = Param.of("name", NAME);
    private static final Param<Integer> SIZE_VALUE = Param.of("size", SIZE);
    private static final PreRendered INSERT = PreRendered.of(
            DSL.insertInto(THINGS, NAME, SIZE).values(NAME_VALUE.field(), SIZE_VALUE.field()), NAME_VALUE, SIZE_VALUE);

    private Connection connection;
    private DSLContext dsl;

    @BeforeEach
    void table() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:");
        dsl = DSL.using(connection, SQLDialect.H2);
        dsl.createTable("things").column(NAME).column(SIZE).execute();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void runsItsTemplateWithEachCallsValuesTypedAsTheTemplateSays() {
        Param<Integer> least = Param.of("least", SIZE);
        PreRendered bySize = PreRendered.of(
                DSL.select(NAME).from(THINGS).where(SIZE.ge(least.field())).orderBy(NAME), least);

        assertThat(INSERT.with(NAME_VALUE, "small").with(SIZE_VALUE, 1).execute(dsl))
                .isEqualTo(1);
        assertThat(INSERT.with(SIZE_VALUE, 10).with(NAME_VALUE, "large").execute(dsl))
                .isEqualTo(1);

        assertThat(bySize.with(least, 5).fetch(dsl).getValues(NAME)).containsExactly("large");
        assertThat(bySize.with(least, 0).fetch(dsl).getValues(NAME)).containsExactly("large", "small");
    }

    @Test
    void aTextsParameterTakesAnyNumberOfValuesInOneRenderedStatement() {
        for (String name : new String[] {"a", "b", "c"}) {
            INSERT.with(NAME_VALUE, name).with(SIZE_VALUE, 1).execute(dsl);
        }
        Param<String[]> names = Param.texts("names");
        PreRendered among = PreRendered.of(
                DSL.select(NAME).from(THINGS).where(Param.anyOf(NAME, names)).orderBy(NAME), names);

        assertThat(among.with(names, new String[] {"c", "a", "z"}).fetch(dsl).getValues(NAME))
                .containsExactly("a", "c");
        assertThat(among.with(names, new String[0]).fetch(dsl)).isEmpty();
    }

    @Test
    void aBatchRunsTheStatementOncePerCallAndSaysWhatEachChanged() {
        INSERT.executeBatch(
                dsl,
                List.of(
                        INSERT.with(NAME_VALUE, "a").with(SIZE_VALUE, 1),
                        INSERT.with(NAME_VALUE, "b").with(SIZE_VALUE, 2)));
        Param<String> name = Param.of("name", NAME);
        PreRendered shrink =
                PreRendered.of(DSL.update(THINGS).set(SIZE, DSL.inline(0)).where(NAME.eq(name.field())), name);

        int[] counts = shrink.executeBatch(
                dsl, List.of(shrink.with(name, "b"), shrink.with(name, "z"), shrink.with(name, "a")));

        assertThat(counts).containsExactly(1, 0, 1);
        assertThat(shrink.executeBatch(dsl, List.of())).isEmpty();
    }

    @Test
    void aParameterMayStandInSeveralPlaces() {
        INSERT.with(NAME_VALUE, "a").with(SIZE_VALUE, 1).execute(dsl);
        Param<Integer> size = Param.of("size", SIZE);
        PreRendered resize = PreRendered.of(
                DSL.update(THINGS).set(SIZE, size.field()).where(SIZE.isDistinctFrom(size.field())), size);

        assertThat(resize.with(size, 2).execute(dsl)).isEqualTo(1);
        assertThat(resize.with(size, 2).execute(dsl)).isZero();
    }

    @Test
    void repeatedRowsAreBoundFromOneValueEach() {
        RowParams<String> thing = RowParams.<String>named("thing")
                .column(NAME, value -> value)
                .column(SIZE, String::length)
                .build();
        RowParams.Rows<String> two = thing.rows(2);
        PreRendered insertTwo = PreRendered.of(
                DSL.insertInto(THINGS, thing.columns()).values(two.fields(0)).values(two.fields(1)), two);

        assertThat(insertTwo.call().withRows(two, List.of("ab", "abcd")).execute(dsl))
                .isEqualTo(2);
        assertThat(dsl.select(SIZE).from(THINGS).orderBy(NAME).fetch(SIZE)).containsExactly(2, 4);
        assertThatThrownBy(() -> insertTwo.call().withRows(two, List.of("ab")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 thing rows, 1 were bound");
    }

    @Test
    void refusesATemplateWithABindValueThatIsNoParameter() {
        assertThatThrownBy(() -> PreRendered.of(DSL.select(NAME).from(THINGS).where(SIZE.eq(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameter [3]");
    }

    @Test
    void refusesATemplateThatUsesAParameterItDoesNotDeclare() {
        Param<Integer> least = Param.of("least", SIZE);

        assertThatThrownBy(() -> PreRendered.of(DSL.select(NAME).from(THINGS).where(SIZE.ge(least.field()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("used but not declared [least]");
    }

    @Test
    void refusesATemplateThatDeclaresAParameterItDoesNotUse() {
        Param<Integer> least = Param.of("least", SIZE);

        assertThatThrownBy(() -> PreRendered.of(DSL.select(NAME).from(THINGS), least))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declared but not used [least]");
    }

    @Test
    void refusesTwoParametersOfOneName() {
        Param<Integer> least = Param.of("size", SIZE);

        assertThatThrownBy(() -> PreRendered.of(
                        DSL.select(NAME)
                                .from(THINGS)
                                .where(SIZE.ge(least.field()).and(SIZE.le(SIZE_VALUE.field()))),
                        least,
                        SIZE_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two parameters are named 'size'");
    }

    @Test
    void refusesACallThatLeavesAParameterUnbound() {
        assertThatThrownBy(() -> INSERT.with(NAME_VALUE, "a").execute(dsl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value bound to parameter 'size'");
    }

    @Test
    void refusesABindingOfAnotherStatementsParameter() {
        Param<Integer> least = Param.of("least", SIZE);

        assertThatThrownBy(() -> INSERT.with(least, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'least' is not one of this statement's [name, size]");
    }

    @Test
    void showsEveryRunToTheConfiguredExecuteListeners() {
        List<String> seen = new ArrayList<>();
        DSLContext listened = DSL.using(new DefaultConfiguration()
                .set(connection)
                .set(SQLDialect.H2)
                .set(new ExecuteListener() {
                    @Override
                    public void executeEnd(ExecuteContext ctx) {
                        seen.add(ctx.type() + " " + ctx.sql() + " "
                                + (ctx.rows() >= 0 ? ctx.rows() : ctx.batchRows().length));
                    }
                }));

        INSERT.with(NAME_VALUE, "a").with(SIZE_VALUE, 1).execute(listened);
        INSERT.executeBatch(listened, List.of(INSERT.with(NAME_VALUE, "b").with(SIZE_VALUE, 2)));

        assertThat(seen)
                .containsExactly(
                        "WRITE insert into \"things\" (\"name\", \"size\") values (?, ?) 1",
                        "BATCH insert into \"things\" (\"name\", \"size\") values (?, ?) 1");
    }
}
