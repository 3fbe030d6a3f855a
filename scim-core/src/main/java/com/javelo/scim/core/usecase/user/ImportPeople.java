package com.javelo.scim.core.usecase.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.json.UserInput;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.error.DomainException;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.MultiValue;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserName;
import com.javelo.scim.domain.user.UserOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a company's existing people before its IdP is connected (issue #18): each row is matched
 * to a person by userName (ignoring case) or else by email, and planned as created, updated (the
 * row's attributes laid over the person's), unchanged or rejected (with the reason). A dry run
 * answers the plan. Otherwise the plan is applied all-or-nothing in one unit of work, unless a row
 * was rejected (then nothing is written) — or, when {@code partial}, each accepted row by itself.
 * Created people are {@link UserOrigin#PRE_EXISTING}: the IdP adopts them by matching their userName.
 */
public final class ImportPeople {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED
    }

    /**
     * One row of the file: a SCIM user document, or the problem that kept the row from being one.
     *
     * @param number the row as the person who wrote the file counts it (a CSV's header is row 1)
     * @param column the column the problem is in, or {@code null}
     */
    public record Row(int number, JsonNode user, String problem, String column) {

        public static Row of(int number, JsonNode user) {
            return new Row(number, user, null, null);
        }

        public static Row rejected(int number, String problem, String column) {
            return new Row(number, null, problem, column);
        }
    }

    /** What happens (or happened) to one row; {@code userId} is the person's id when known. */
    public record RowResult(int row, String userName, Outcome outcome, String userId, String reason, String column) {}

    public record Report(boolean dryRun, boolean applied, List<RowResult> rows) {

        public long count(Outcome outcome) {
            return rows.stream().filter(row -> row.outcome() == outcome).count();
        }
    }

    public record Command(TenantId tenant, List<Row> rows, boolean dryRun, boolean partial, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            rows = List.copyOf(rows);
            Objects.requireNonNull(cause, "cause");
        }
    }

    private record Planned(
            Row row, String userName, Outcome outcome, User existing, UserInput input, String reason, String column) {

        RowResult result(String userId) {
            return new RowResult(row.number(), userName, outcome, userId, reason, column);
        }
    }

    private final Users users;
    private final UnitOfWork unitOfWork;
    private final CreateUser createUser;
    private final ReplaceUser replaceUser;

    private final CustomSchemas schemas;

    public ImportPeople(Users users, UnitOfWork unitOfWork, CreateUser createUser, ReplaceUser replaceUser) {
        this(users, unitOfWork, createUser, replaceUser, CustomSchemas.NONE);
    }

    /** @param schemas the companies' declared attributes, which a file may carry as columns or attributes */
    public ImportPeople(
            Users users, UnitOfWork unitOfWork, CreateUser createUser, ReplaceUser replaceUser, CustomSchemas schemas) {
        this.schemas = schemas;
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.createUser = createUser;
        this.replaceUser = replaceUser;
    }

    public Report execute(Command command) {
        List<Planned> plan = plan(command);
        boolean anyRejected = plan.stream().anyMatch(planned -> planned.outcome() == Outcome.REJECTED);
        if (command.dryRun() || (anyRejected && !command.partial())) {
            return new Report(
                    command.dryRun(),
                    false,
                    plan.stream()
                            .map(planned -> planned.result(
                                    planned.existing() == null
                                            ? null
                                            : planned.existing().id().value()))
                            .toList());
        }
        if (command.partial()) {
            List<RowResult> results = new ArrayList<>();
            for (Planned planned : plan) {
                results.add(applyAlone(command, planned));
            }
            return new Report(false, true, results);
        }
        List<RowResult> results = unitOfWork.inTransaction(() -> {
            List<RowResult> applied = new ArrayList<>();
            for (Planned planned : plan) {
                applied.add(planned.result(apply(command, planned)));
            }
            return applied;
        });
        return new Report(false, true, results);
    }

    private RowResult applyAlone(Command command, Planned planned) {
        if (planned.outcome() == Outcome.REJECTED) {
            return planned.result(null);
        }
        try {
            return planned.result(apply(command, planned));
        } catch (ScimException | DomainException e) {
            // Both carry their SCIM error's detail as their message.
            return new RowResult(
                    planned.row().number(), planned.userName(), Outcome.REJECTED, null, e.getMessage(), null);
        }
    }

    /** @return the person's id */
    private String apply(Command command, Planned planned) {
        return switch (planned.outcome()) {
            case CREATED ->
                createUser
                        .execute(new CreateUser.Command(
                                command.tenant(), planned.input(), UserOrigin.PRE_EXISTING, command.cause()))
                        .id()
                        .value();
            case UPDATED ->
                replaceUser
                        .execute(new ReplaceUser.Command(
                                command.tenant(),
                                planned.existing().id(),
                                planned.input(),
                                ExpectedVersion.any(),
                                command.cause()))
                        .user()
                        .id()
                        .value();
            case UNCHANGED -> planned.existing().id().value();
            case REJECTED -> null;
        };
    }

    private List<Planned> plan(Command command) {
        List<Planned> plan = new ArrayList<>();
        Map<String, Integer> rowOfUserName = new HashMap<>();
        for (Row row : command.rows()) {
            if (row.problem() != null) {
                plan.add(new Planned(row, null, Outcome.REJECTED, null, null, row.problem(), row.column()));
                continue;
            }
            plan.add(planRow(command.tenant(), row, rowOfUserName));
        }
        return plan;
    }

    private Planned planRow(TenantId tenant, Row row, Map<String, Integer> rowOfUserName) {
        UserInput read;
        CustomSchema schema = schemas.of(tenant);
        try {
            read = UserJson.read(row.user(), schema);
        } catch (ScimException e) {
            return new Planned(
                    row,
                    text(row.user(), "userName"),
                    Outcome.REJECTED,
                    null,
                    null,
                    e.error().detail(),
                    null);
        }
        String userName = read.profile().userName().value();
        Integer earlier = rowOfUserName.putIfAbsent(UserName.normalize(userName), row.number());
        if (earlier != null) {
            return new Planned(
                    row,
                    userName,
                    Outcome.REJECTED,
                    null,
                    null,
                    "userName '" + userName + "' is also on row " + earlier + " (userNames are compared ignoring case)",
                    "userName");
        }
        Optional<User> existing = users.findByUserName(tenant, userName)
                .or(() -> read.profile().emails().stream()
                        .map(MultiValue::value)
                        .filter(Objects::nonNull)
                        .flatMap(email -> users.findByEmail(tenant, email).stream())
                        .findFirst());
        if (existing.isEmpty()) {
            return new Planned(row, userName, Outcome.CREATED, null, read, null, null);
        }
        User person = existing.get();
        UserInput current = UserInputs.of(person);
        UserInput merged;
        try {
            ObjectNode document = UserJson.writeProfileDocument(person.profile(), schema);
            document.put("active", person.active());
            UserInput overlaid = UserJson.read(overlay(document, row.user()), schema);
            merged = new UserInput(
                    overlaid.profile()
                            .withCustom(overlaid.profile()
                                    .custom()
                                    .keepingHidden(person.profile().custom(), schema::declares)),
                    overlaid.active(),
                    overlaid.managerValue());
        } catch (ScimException e) {
            return new Planned(
                    row, userName, Outcome.REJECTED, person, null, e.error().detail(), null);
        }
        boolean same = merged.profile().equals(current.profile())
                && Objects.equals(merged.active() == null ? person.active() : merged.active(), person.active())
                && Objects.equals(merged.managerValue(), current.managerValue());
        return new Planned(row, userName, same ? Outcome.UNCHANGED : Outcome.UPDATED, person, merged, null, null);
    }

    /** Lays the row's attributes over the person's: objects merge, anything else is replaced. */
    private static JsonNode overlay(ObjectNode base, JsonNode row) {
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = base.get(field.getKey());
            if (current instanceof ObjectNode object && field.getValue().isObject()) {
                overlay(object, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return base;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
