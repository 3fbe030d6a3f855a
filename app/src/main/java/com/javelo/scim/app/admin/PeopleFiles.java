package com.javelo.scim.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.patch.quirks.BooleanStrings;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.usecase.user.ImportPeople.Row;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a file of people to import (issue #18) into rows of SCIM user documents: a CSV with a
 * header row (Apache Commons CSV, RFC 4180 with quoted fields and line breaks inside them), or a
 * JSON array of SCIM users. A problem with the whole file (unreadable, an unknown or repeated
 * column, no {@code userName} column) is a 400 naming the line or column; a problem with one row
 * (no userName, a bad {@code active}, a wrong number of values) rejects that row, with its number
 * and column. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
public final class PeopleFiles {

    /** The columns a CSV may have, in the spelling of the documentation; matched ignoring case. */
    public static final List<String> COLUMNS =
            List.of("userName", "givenName", "familyName", "email", "title", "department", "managerEmail", "active");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(false)
            .get();

    /** The prefix of a declared attribute's column key (never a column's own name: those have no colon). */
    private static final String CUSTOM = "custom:";

    private PeopleFiles() {}

    public static List<Row> csv(String text) {
        return csv(text, CustomSchema.NONE);
    }

    /**
     * Like {@link #csv(String)}, where a column may also be one of the company's declared attributes,
     * named alone ({@code level}) or with its URN; a multi-valued one takes its values separated by
     * {@code ;}. Values are checked by type with the row, as the SCIM API checks them.
     */
    public static List<Row> csv(String text, CustomSchema schema) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's byte order mark
        try (CSVParser parser = CSVParser.parse(new StringReader(body), FORMAT)) {
            Map<String, String> columns = columns(parser.getHeaderNames(), schema);
            List<Row> rows = new ArrayList<>();
            int row = 1;
            for (CSVRecord record : parser) {
                row++;
                rows.add(row(row, record, columns, schema));
            }
            return rows;
        } catch (IllegalArgumentException e) {
            throw ScimErrors.invalidValue("the CSV's header row cannot be read: " + e.getMessage());
        } catch (UncheckedIOException | IOException e) {
            String detail = e instanceof UncheckedIOException unchecked
                    ? unchecked.getCause().getMessage()
                    : e.getMessage();
            throw ScimErrors.invalidSyntax("the CSV cannot be read: " + detail
                    + " (check the quotes on that line: a field containing a comma or a quote is enclosed in"
                    + " double quotes, and a quote inside it is doubled)");
        }
    }

    /** @return each header as written, by the canonical column name */
    private static Map<String, String> columns(List<String> headers, CustomSchema schema) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            String name = header.strip();
            String known = COLUMNS.stream()
                    .filter(column -> column.equalsIgnoreCase(name))
                    .findFirst()
                    .orElse(null);
            if (known == null) {
                String attribute = name.regionMatches(true, 0, CustomSchema.URN + ":", 0, CustomSchema.URN.length() + 1)
                        ? name.substring(CustomSchema.URN.length() + 1)
                        : name;
                known = schema.attribute(attribute)
                        .map(declared -> CUSTOM + declared.name())
                        .orElse(null);
            }
            if (known == null) {
                throw ScimErrors.invalidValue("unknown column '" + header + "' (column " + (i + 1) + " of the header"
                        + " row); the columns are " + String.join(", ", COLUMNS) + ", and the company's declared"
                        + " attributes"
                        + (schema.isEmpty()
                                ? " (it declares none)"
                                : ": "
                                        + String.join(
                                                ", ",
                                                schema.attributes().stream()
                                                        .map(declared -> declared.name())
                                                        .toList())));
            }
            if (columns.putIfAbsent(known, header) != null) {
                throw ScimErrors.invalidValue("column '" + known + "' appears twice in the header row");
            }
        }
        if (!columns.containsKey("userName")) {
            throw ScimErrors.invalidValue(
                    "the header row has no 'userName' column; the columns are " + String.join(", ", COLUMNS));
        }
        return columns;
    }

    private static Row row(int number, CSVRecord record, Map<String, String> columns, CustomSchema schema) {
        if (!record.isConsistent()) {
            return Row.rejected(
                    number,
                    "the row has " + record.size() + " values, the header row has "
                            + record.getParser().getHeaderNames().size() + " columns",
                    null);
        }
        Map<String, String> values = new LinkedHashMap<>();
        columns.forEach((column, header) -> {
            String value = record.get(header);
            if (value != null && !value.isBlank()) {
                values.put(column, value.strip());
            }
        });
        if (!values.containsKey("userName")) {
            return Row.rejected(number, "userName is empty", "userName");
        }
        ObjectNode user = ScimJson.nodes().objectNode();
        user.putArray("schemas").add(UserJson.USER_URN);
        user.put("userName", values.get("userName"));
        if (values.containsKey("givenName") || values.containsKey("familyName")) {
            ObjectNode name = user.putObject("name");
            putIfPresent(name, "givenName", values.get("givenName"));
            putIfPresent(name, "familyName", values.get("familyName"));
        }
        if (values.containsKey("email")) {
            user.putArray("emails")
                    .addObject()
                    .put("value", values.get("email"))
                    .put("type", "work")
                    .put("primary", true);
        }
        putIfPresent(user, "title", values.get("title"));
        if (values.containsKey("department") || values.containsKey("managerEmail")) {
            ObjectNode enterprise = user.putObject(UserJson.ENTERPRISE_URN);
            putIfPresent(enterprise, "department", values.get("department"));
            if (values.containsKey("managerEmail")) {
                enterprise.putObject("manager").put("value", values.get("managerEmail"));
            }
        }
        ObjectNode custom = ScimJson.nodes().objectNode();
        values.forEach((column, value) -> {
            if (column.startsWith(CUSTOM)) {
                String attribute = column.substring(CUSTOM.length());
                if (schema.attribute(attribute)
                        .map(declared -> declared.multiValued())
                        .orElse(false)) {
                    var array = custom.putArray(attribute);
                    for (String one : value.split(";")) {
                        if (!one.isBlank()) {
                            array.add(one.strip());
                        }
                    }
                } else {
                    custom.put(attribute, value);
                }
            }
        });
        if (!custom.isEmpty()) {
            user.withArray("schemas").add(CustomSchema.URN);
            user.set(CustomSchema.URN, custom);
        }
        if (values.containsKey("active")) {
            Optional<Boolean> active = BooleanStrings.parse(values.get("active"));
            if (active.isEmpty()) {
                return Row.rejected(
                        number, "active must be true or false, got '" + values.get("active") + "'", "active");
            }
            user.put("active", active.get());
        }
        return Row.of(number, user);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A JSON array of SCIM users; rows are numbered from 1. */
    public static List<Row> json(String text) {
        JsonNode array;
        try {
            array = ScimJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ScimErrors.invalidSyntax("the JSON cannot be read: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (array == null || !array.isArray()) {
            throw ScimErrors.invalidSyntax("a JSON import is an array of SCIM users");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode user = array.get(i);
            rows.add(
                    user.isObject() && user.hasNonNull("userName")
                            ? Row.of(i + 1, user)
                            : Row.rejected(
                                    i + 1, user.isObject() ? "userName is missing" : "not a JSON object", "userName"));
        }
        return rows;
    }
}
