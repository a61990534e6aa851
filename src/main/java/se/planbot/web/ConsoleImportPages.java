package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.planbot.plan.ImportFailed;
import se.planbot.plan.ImportPreview;
import se.planbot.plan.ImportResult;
import se.planbot.plan.PlanTransfer;
import se.planbot.plan.PreviewOutdated;
import se.planbot.problem.InvalidInput;

/**
 * Import and export in the console: upload a CSV or XLSX sheet, see what it would change (new,
 * changed fields, unchanged, every bad row by its Excel row number) from {@link PlanTransfer#preview}
 * — the real import, rolled back — and apply exactly that: the bytes stay on the server
 * ({@link PendingImports}) and {@link PlanTransfer#apply} refuses if the outcome is no longer the
 * previewed one. All or nothing, as the API's and the command's import.
 *
 * <pre>
 * curl -s -b 'planbot_session=SECRET; planbot_csrf=C' -F csrf=C -F file=@plan.xlsx localhost:7070/admin/import/preview
 * curl -s -b planbot_session=SECRET -o plan.xlsx localhost:7070/admin/export.xlsx
 * </pre>
 */
public final class ConsoleImportPages {

    private final PlanTransfer transfer;
    private final PendingImports pending;
    private final Pages pages;

    ConsoleImportPages(PlanTransfer transfer, PendingImports pending, Pages pages) {
        this.transfer = transfer;
        this.pending = pending;
        this.pages = pages;
    }

    /** GET /admin/import: the upload form, the export links, and what the last import did. */
    public void form(Context ctx) {
        var model = model(ctx);
        if (ctx.queryParam("created") != null) {
            model.put("done", Map.of("created", count(ctx.queryParam("created")), "updated", count(ctx.queryParam("updated")),
                    "unchanged", count(ctx.queryParam("unchanged"))));
        }
        pages.show(ctx, 200, "console/import", model);
    }

    /** POST /admin/import/preview (multipart, field {@code file}): what the sheet would do; changes nothing. */
    public void preview(Context ctx) throws IOException {
        Optional<byte[]> bytes;
        try {
            bytes = upload(ctx);
        } catch (InvalidInput invalid) {
            refuse(ctx, invalid);
            return;
        }
        if (bytes.isEmpty()) {
            refuse(ctx, new InvalidInput("file", "välj en fil (.csv eller .xlsx) att förhandsgranska"));
            return;
        }
        var person = AccessGuard.person(ctx);
        ImportPreview preview = transfer.preview(bytes.get(), actor(ctx));
        String hash = preview.applicable() ? pending.keep(person.id(), fileName(ctx), bytes.get()) : "";
        showPreview(ctx, preview.problems().isEmpty() ? 200 : 400, preview, hash, fileName(ctx), false);
    }

    /** POST /admin/import/apply (fields {@code upload}, {@code preview}): imports the previewed upload, or changes nothing. */
    public void apply(Context ctx) {
        var person = AccessGuard.person(ctx);
        String hash = text(ctx.formParam("upload"));
        String fingerprint = text(ctx.formParam("preview"));
        Optional<PendingImports.Upload> upload = hash.matches("[0-9a-f]{64}") ? pending.find(person.id(), hash) : Optional.empty();
        if (upload.isEmpty()) {
            refuse(ctx, new InvalidInput("file", "förhandsvisningen finns inte längre (den sparas i "
                    + PendingImports.KEPT.toMinutes() + " minuter); ladda upp filen igen"));
            return;
        }
        try {
            ImportResult result = transfer.apply(upload.get().bytes(), fingerprint, actor(ctx));
            pending.drop(person.id(), hash);
            ctx.redirect("/admin/import?created=" + result.created() + "&updated=" + result.updated() + "&unchanged="
                    + result.unchanged() + amp(ctx), HttpStatus.SEE_OTHER);
        } catch (PreviewOutdated outdated) {
            showPreview(ctx, 409, outdated.preview(), outdated.preview().applicable() ? hash : "", upload.get().fileName(), true);
        } catch (ImportFailed | InvalidInput failed) {
            showPreview(ctx, 400, transfer.preview(upload.get().bytes(), actor(ctx)), "", upload.get().fileName(), true);
        }
    }

    /** GET /admin/export.csv */
    public void exportCsv(Context ctx) throws IOException {
        var out = new ByteArrayOutputStream();
        transfer.exportCsv(out);
        download(ctx, "text/csv; charset=utf-8", "atgardsplan.csv", out.toByteArray());
    }

    /** GET /admin/export.xlsx */
    public void exportXlsx(Context ctx) throws IOException {
        var out = new ByteArrayOutputStream();
        transfer.exportXlsx(out);
        download(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "atgardsplan.xlsx",
                out.toByteArray());
    }

    /** A file the console hands out: personal data (owners' addresses), so never kept by a cache. */
    static void download(Context ctx, String type, String fileName, byte[] body) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").result(body);
    }

    private void showPreview(Context ctx, int status, ImportPreview preview, String hash, String fileName,
            boolean outdated) {
        var model = model(ctx);
        model.put("preview", Map.of("created", preview.count(ImportPreview.Kind.NEW),
                "changed", preview.count(ImportPreview.Kind.CHANGED),
                "unchanged", preview.count(ImportPreview.Kind.UNCHANGED),
                "problems", preview.problems(), "renames", preview.renames(),
                "applicable", preview.applicable() && !hash.isEmpty(), "upload", hash,
                "fingerprint", preview.fingerprint(), "outdated", outdated));
        model.put("rows", preview.rows().stream().filter(row -> row.kind() != ImportPreview.Kind.UNCHANGED)
                .map(row -> row(row, model)).toList());
        model.put("unchangedRows", preview.rows().stream().filter(row -> row.kind() == ImportPreview.Kind.UNCHANGED)
                .map(row -> Map.of("number", row.number(), "code", row.code(), "title", row.title())).toList());
        model.put("fileName", fileName);
        pages.show(ctx, status, "console/import-preview", model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(ImportPreview.Row row, Map<String, Object> model) {
        var texts = (Map<String, String>) model.get("t");
        var view = new LinkedHashMap<String, Object>();
        view.put("number", row.number());
        view.put("code", row.code());
        view.put("title", row.title());
        view.put("kind", row.kind().code());
        view.put("changes", row.changes().stream().map(change -> Map.of(
                "field", texts.getOrDefault("console_field_" + change.field(), change.field()),
                "from", value(change.oldValue()), "to", value(change.newValue()))).toList());
        return view;
    }

    private static String value(String text) {
        return text == null ? "–" : text;
    }

    private void refuse(Context ctx, InvalidInput invalid) {
        var model = model(ctx);
        Pages.addErrors(model, invalid.errors());
        pages.show(ctx, 400, "console/import", model);
    }

    /** The uploaded sheet, at most the API's limit; empty when no file was chosen. */
    private static Optional<byte[]> upload(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || (file.size() == 0 && file.filename().isBlank())) {
            return Optional.empty();
        }
        if (file.size() > TransferApi.MAX_IMPORT_BYTES) {
            throw new InvalidInput("file", "filen är för stor (högst " + TransferApi.MAX_IMPORT_BYTES / 1_000_000
                    + " MB); dela upp åtgärdsplanen eller importera den med kommandot import");
        }
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes(TransferApi.MAX_IMPORT_BYTES + 1);
            if (bytes.length == 0) {
                throw new InvalidInput("file", "filen är tom; välj åtgärdsplanen som .csv eller .xlsx");
            }
            return Optional.of(bytes);
        }
    }

    private static String fileName(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        String name = file == null ? "" : file.filename();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        model.put("section", "import");
        return model;
    }

    private static String actor(Context ctx) {
        return AccessGuard.person(ctx).name() + " (konsol)";
    }

    private String amp(Context ctx) {
        return "en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : "";
    }

    private static int count(String text) {
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : 0;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
