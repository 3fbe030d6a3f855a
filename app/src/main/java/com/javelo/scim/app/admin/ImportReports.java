package com.javelo.scim.app.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.usecase.user.ImportPeople.Outcome;
import com.javelo.scim.core.usecase.user.ImportPeople.Report;
import com.javelo.scim.core.usecase.user.ImportPeople.RowResult;
import java.util.Locale;

/** The report of an import as JSON, the same for the admin API and the command line. */
public final class ImportReports {

    private ImportReports() {}

    public static ObjectNode json(Report report) {
        ObjectNode node = ScimJson.nodes().objectNode();
        node.put("dryRun", report.dryRun());
        node.put("applied", report.applied());
        for (Outcome outcome : Outcome.values()) {
            node.put(outcome.name().toLowerCase(Locale.ROOT), report.count(outcome));
        }
        ArrayNode rows = node.putArray("rows");
        for (RowResult row : report.rows()) {
            ObjectNode item = rows.addObject();
            item.put("row", row.row());
            if (row.userName() != null) {
                item.put("userName", row.userName());
            }
            item.put("outcome", row.outcome().name().toLowerCase(Locale.ROOT));
            if (row.userId() != null) {
                item.put("id", row.userId());
            }
            if (row.column() != null) {
                item.put("column", row.column());
            }
            if (row.reason() != null) {
                item.put("reason", row.reason());
            }
        }
        return node;
    }

    /** 200 for a dry run or an applied import; 400 when a rejected row kept anything from being written. */
    public static int status(Report report) {
        return report.dryRun() || report.applied() ? 200 : 400;
    }
}
