package se.planbot.web;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import se.planbot.plan.ImportFailed;
import se.planbot.plan.PlanTransfer;
import se.planbot.problem.FieldError;
import se.planbot.problem.InvalidInput;

/**
 * The action plan as a spreadsheet over HTTP, for coordinators without a shell on the server.
 *
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @plan.csv localhost:7070/api/v1/import
 * curl -s -H "Authorization: Bearer $TOKEN" --data-binary @plan.xlsx \
 *      -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' localhost:7070/api/v1/import
 * curl -s -H "Authorization: Bearer $TOKEN" -o plan.xlsx localhost:7070/api/v1/export.xlsx
 * </pre>
 */
public final class TransferApi {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlanTransfer transfer;

    public TransferApi(PlanTransfer transfer) {
        this.transfer = transfer;
    }

    /** The sheet carries every owner's email address: personal data, so its routes need a token. */
    public void exportCsv(Context ctx) throws IOException {
        var out = new ByteArrayOutputStream();
        transfer.exportCsv(out);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"atgardsplan.csv\"")
                .result(out.toByteArray());
    }

    public void exportXlsx(Context ctx) throws IOException {
        var out = new ByteArrayOutputStream();
        transfer.exportXlsx(out);
        ctx.contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"atgardsplan.xlsx\"")
                .result(out.toByteArray());
    }

    public void importPlan(Context ctx) throws IOException {
        var client = AccessGuard.client(ctx);
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new InvalidInput("body", "skicka filen som request body (text/csv eller .xlsx)");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        try {
            var result = type.startsWith(XLSX) || isZip(body)
                    ? transfer.importXlsx(new ByteArrayInputStream(body), client.actor())
                    : transfer.importCsv(body, client.actor());
            ctx.json(Map.of("created", result.created(), "updated", result.updated(),
                    "unchanged", result.unchanged(), "summary", result.summary()));
        } catch (ImportFailed failed) {
            throw new InvalidInput(failed.problems().stream().map(problem -> new FieldError("fil", problem)).toList());
        }
    }

    private static boolean isZip(byte[] body) {
        return body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
    }
}
