package com.javelo.scim.adapter.jooq.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreRenderedTest {

    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<Integer> SIZE = DSL.field(DSL.name("size"), SQLDataType.INTEGER);

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
        PreRendered insert = PreRendered.of(DSL.insertInto(DSL.table(DSL.name("things")), NAME, SIZE)
                .values(DSL.param("name", NAME), DSL.param("size", SIZE)));
        PreRendered bySize = PreRendered.of(DSL.select(NAME).from(DSL.table(DSL.name("things")))
                .where(SIZE.ge(DSL.param("least", SIZE))).orderBy(NAME));

        assertThat(insert.execute(dsl, Map.of("name", "small", "size", 1))).isEqualTo(1);
        assertThat(insert.execute(dsl, Map.of("size", 10, "name", "large"))).isEqualTo(1);

        assertThat(bySize.fetch(dsl, Map.of("least", 5)).getValues(NAME)).containsExactly("large");
        assertThat(bySize.fetch(dsl, Map.of("least", 0)).getValues(NAME)).containsExactly("large", "small");
    }

    @Test
    void aTextsParameterTakesAnyNumberOfValuesInOneRenderedStatement() {
        PreRendered insert = PreRendered.of(DSL.insertInto(DSL.table(DSL.name("things")), NAME, SIZE)
                .values(DSL.param("name", NAME), DSL.param("size", SIZE)));
        for (String name : new String[] {"a", "b", "c"}) {
            insert.execute(dsl, Map.of("name", name, "size", 1));
        }
        PreRendered among = PreRendered.of(DSL.select(NAME).from(DSL.table(DSL.name("things")))
                .where(PreRendered.anyOf(NAME, "names")).orderBy(NAME));

        assertThat(among.fetch(dsl, Map.of("names", new String[] {"c", "a", "z"})).getValues(NAME))
                .containsExactly("a", "c");
        assertThat(among.fetch(dsl, Map.of("names", new String[0]))).isEmpty();
    }

    @Test
    void aBatchRunsTheStatementOncePerRowAndSaysWhatEachChanged() {
        PreRendered insert = PreRendered.of(DSL.insertInto(DSL.table(DSL.name("things")), NAME, SIZE)
                .values(DSL.param("name", NAME), DSL.param("size", SIZE)));
        insert.executeBatch(dsl, List.of(Map.of("name", "a", "size", 1), Map.of("name", "b", "size", 2)));
        PreRendered shrink = PreRendered.of(DSL.update(DSL.table(DSL.name("things"))).set(SIZE, DSL.inline(0))
                .where(NAME.eq(DSL.param("name", NAME))));

        int[] counts = shrink.executeBatch(dsl, List.of(Map.of("name", "b"), Map.of("name", "z"), Map.of("name", "a")));

        assertThat(counts).containsExactly(1, 0, 1);
        assertThat(shrink.executeBatch(dsl, List.of())).isEmpty();
    }

    @Test
    void refusesATemplateWithAnUnnamedBindValue() {
        PreRendered unnamed = PreRendered.of(DSL.select(NAME).from(DSL.table(DSL.name("things"))).where(SIZE.eq(3)));

        assertThatThrownBy(() -> unnamed.fetch(dsl, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named");
    }

    @Test
    void refusesACallWithoutEveryValue() {
        PreRendered bySize = PreRendered.of(DSL.select(NAME).from(DSL.table(DSL.name("things")))
                .where(SIZE.ge(DSL.param("least", SIZE))));

        assertThatThrownBy(() -> bySize.fetch(dsl, Map.of("most", 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("least");
    }
}
