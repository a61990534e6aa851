package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.dialogs.DialogService;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.PlanService;
import se.planbot.plan.Spreadsheets;
import se.planbot.problem.Conflict;
import se.planbot.problem.Errors;
import se.planbot.problem.InvalidInput;
import se.planbot.proposals.Decision;
import se.planbot.proposals.Proposal;
import se.planbot.proposals.ProposalEntry;
import se.planbot.proposals.ProposalFilter;
import se.planbot.proposals.ProposalOrigin;
import se.planbot.proposals.ProposalPatch;
import se.planbot.proposals.ProposalService;
import se.planbot.proposals.ProposalState;

/**
 * The console's proposals: the working group and the coordinator list them by dialog, strategy and
 * state and comment on them; the coordinator puts one under review and decides (accept into a new
 * action pre-filled from the proposal, or into existing actions; reject with a public answer; merge),
 * and registers a workshop's proposals at once (one per line, or a CSV/XLSX file: all or nothing).
 * Every change goes through {@link ProposalService}, actor "Name (konsol)".
 *
 * <pre>
 * curl -s -b planbot_session=SECRET 'localhost:7070/admin/proposals?state=under_review&amp;strategy=2'
 * curl -s -b planbot_session=SECRET localhost:7070/admin/proposals/3
 * </pre>
 */
public final class ConsoleProposalPages {

    private static final int MAX_UPLOAD = 5_000_000;

    private final ProposalService proposals;
    private final PlanService plan;
    private final DialogService dialogs;
    private final Pages pages;
    private final ZoneId zone;

    ConsoleProposalPages(ProposalService proposals, PlanService plan, DialogService dialogs, Pages pages, ZoneId zone) {
        this.proposals = proposals;
        this.plan = plan;
        this.dialogs = dialogs;
        this.pages = pages;
        this.zone = zone;
    }

    /** GET /admin/proposals: every proposal, filtered by dialog, strategy and state. */
    public void list(Context ctx) {
        var model = model(ctx);
        Locale locale = pages.locale(ctx);
        Long dialog = number(ctx.queryParam("dialog")).orElse(null);
        Integer strategy = number(ctx.queryParam("strategy")).map(Long::intValue).orElse(null);
        ProposalState state = ProposalState.of(text(ctx.queryParam("state"))).orElse(null);
        var rows = new ArrayList<Map<String, Object>>();
        for (Proposal proposal : proposals.list(new ProposalFilter(dialog, null, state, strategy))) {
            rows.add(row(proposal, locale));
        }
        model.put("proposals", rows);
        model.put("filter", Map.of("dialog", dialog == null ? "" : dialog.toString(),
                "strategy", strategy == null ? "" : strategy.toString(), "state", state == null ? "" : state.code()));
        model.put("strategies", plan.strategies());
        model.put("dialogs", dialogs.allDialogs(java.time.Instant.EPOCH));
        model.put("states", states(locale));
        model.put("registered", ctx.queryParam("registered"));
        pages.show(ctx, 200, "console/proposals", model);
    }

    /** GET /admin/proposals/new: register a workshop's proposals. */
    public void newForm(Context ctx) {
        newPage(ctx, 200, model(ctx));
    }

    private void newPage(Context ctx, int status, Map<String, Object> model) {
        model.put("dialogs", dialogs.allDialogs(java.time.Instant.EPOCH));
        model.putIfAbsent("form", Map.of("origin", "meeting"));
        pages.show(ctx, status, "console/proposals-new", model);
    }

    /** POST /admin/proposals: the lines of the text box, or the uploaded CSV/XLSX; all or nothing. */
    public void register(Context ctx) {
        var model = model(ctx);
        String originText = text(ctx.formParam("origin"));
        Long dialog = number(ctx.formParam("dialog")).orElse(null);
        ProposalOrigin origin = dialog != null ? ProposalOrigin.DIALOG
                : ProposalOrigin.of(originText).filter(found -> found != ProposalOrigin.DIALOG).orElse(ProposalOrigin.MEETING);
        try {
            UploadedFile file = ctx.uploadedFile("file");
            List<Proposal> created;
            if (file != null && file.size() > 0) {
                created = proposals.registerRows(Spreadsheets.read(bytes(file), file.filename()), origin, dialog, actor(ctx));
            } else {
                created = proposals.registerLines(ctx.formParam("lines"), origin, dialog, actor(ctx));
            }
            ctx.redirect("/admin/proposals?registered=" + created.size() + amp(ctx), HttpStatus.SEE_OTHER);
        } catch (InvalidInput invalid) {
            Pages.addErrors(model, invalid.errors());
            model.put("form", Map.of("origin", origin.code(), "dialog", dialog == null ? "" : dialog.toString(),
                    "lines", text(ctx.formParam("lines"))));
            newPage(ctx, 400, model);
        }
    }

    private static byte[] bytes(UploadedFile file) {
        if (file.size() > MAX_UPLOAD) {
            throw new InvalidInput("file", "filen är för stor (högst 5 MB)");
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidInput("file", "filen kunde inte läsas; försök igen");
        }
    }

    /** GET /admin/proposals/{id}: the proposal, its whole history with comments, and the forms. */
    public void show(Context ctx) {
        withProposal(ctx, proposal -> {
            var model = model(ctx);
            model.put("saved", ctx.queryParam("saved") != null);
            model.put("form", Map.of("title", proposal.title(), "code", "",
                    "strategy", proposal.strategyId() == null ? "" : proposal.strategyId().toString()));
            detail(ctx, 200, model, proposal);
        });
    }

    /** POST /admin/proposals/{id}/comment: the working group's or the coordinator's internal comment. */
    public void comment(Context ctx) {
        withProposal(ctx, proposal -> {
            try {
                proposals.comment(proposal.id(), ctx.formParam("comment"), actor(ctx));
                saved(ctx, proposal);
            } catch (InvalidInput invalid) {
                failed(ctx, 400, proposal, invalid.errors(), Map.of("comment", text(ctx.formParam("comment"))));
            }
        });
    }

    /** POST /admin/proposals/{id}/review: under review (beredning). */
    public void review(Context ctx) {
        withProposal(ctx, proposal -> {
            try {
                proposals.patch(proposal.id(), new ProposalPatch(null, null, null, false, ProposalState.UNDER_REVIEW,
                        null), actor(ctx));
                saved(ctx, proposal);
            } catch (Conflict conflict) {
                failed(ctx, 409, proposal, List.of(new se.planbot.problem.FieldError("decision", conflict.getMessage())),
                        Map.of());
            }
        });
    }

    /** POST /admin/proposals/{id}/decision */
    public void decide(Context ctx) {
        withProposal(ctx, proposal -> {
            var typed = new LinkedHashMap<String, Object>();
            for (String field : List.of("decision", "answer", "actions", "code", "title", "strategy", "ownerId", "deadline",
                    "mergedInto")) {
                typed.put(field, text(ctx.formParam(field)));
            }
            typed.put("create", "yes".equals(ctx.formParam("create")));
            try {
                proposals.decide(proposal.id(), decision(ctx), actor(ctx));
                saved(ctx, proposal);
            } catch (InvalidInput invalid) {
                failed(ctx, 400, proposal, invalid.errors(), typed);
            } catch (Conflict conflict) {
                failed(ctx, 409, proposal, List.of(new se.planbot.problem.FieldError("decision", conflict.getMessage())),
                        typed);
            }
        });
    }

    private Decision decision(Context ctx) {
        var errors = new Errors();
        ProposalState state = ProposalState.of(text(ctx.formParam("decision"))).filter(ProposalState::isDecided)
                .orElse(null);
        if (state == null) {
            errors.add("decision", "välj antaget, avslaget eller sammanslaget");
        }
        var actionIds = new ArrayList<Long>();
        for (String code : text(ctx.formParam("actions")).split("[,;\\s]+")) {
            if (!code.isBlank()) {
                plan.actionByIdOrCode(code).map(Action::id).ifPresentOrElse(actionIds::add,
                        () -> errors.add("actions", "åtgärd " + code + " finns inte"));
            }
        }
        ActionDraft newAction = null;
        if ("yes".equals(ctx.formParam("create"))) {
            LocalDate deadline = null;
            String deadlineText = text(ctx.formParam("deadline"));
            if (!deadlineText.isEmpty()) {
                try {
                    deadline = LocalDate.parse(deadlineText);
                } catch (DateTimeParseException e) {
                    errors.add("deadline", "'" + deadlineText + "' är inget datum (ÅÅÅÅ-MM-DD)");
                }
            }
            String title = text(ctx.formParam("title"));
            String code = text(ctx.formParam("code"));
            Integer strategy = number(ctx.formParam("strategy")).map(Long::intValue).orElse(null);
            newAction = new ActionDraft(code.isEmpty() ? null : code, title.isEmpty() ? null : title, null, strategy,
                    number(ctx.formParam("ownerId")).orElse(null), null, null, deadline, null, null, "proposal");
        }
        Long mergedInto = number(ctx.formParam("mergedInto")).orElse(null);
        errors.throwIfAny();
        return new Decision(state, ctx.formParam("answer"), actionIds, newAction, mergedInto);
    }

    private void saved(Context ctx, Proposal proposal) {
        ctx.redirect("/admin/proposals/" + proposal.id() + "?saved" + amp(ctx), HttpStatus.SEE_OTHER);
    }

    private void failed(Context ctx, int status, Proposal proposal, List<se.planbot.problem.FieldError> errors,
            Map<String, Object> typed) {
        var model = model(ctx);
        Pages.addErrors(model, errors);
        var form = new LinkedHashMap<String, Object>(Map.of("title", proposal.title(), "code", "",
                "strategy", proposal.strategyId() == null ? "" : proposal.strategyId().toString()));
        form.putAll(typed);
        model.put("form", form);
        detail(ctx, status, model, proposals.require(proposal.id()));
    }

    private void detail(Context ctx, int status, Map<String, Object> model, Proposal proposal) {
        Locale locale = pages.locale(ctx);
        model.put("proposal", row(proposal, locale));
        model.put("contact", Map.of("name", proposal.proposerName(), "company", proposal.proposerCompany(),
                "email", proposal.proposerEmail() == null ? "" : proposal.proposerEmail(),
                "showName", proposal.showName(), "anonymised", proposal.anonymisedAt() != null));
        var format = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", locale);
        var history = new ArrayList<Map<String, Object>>();
        for (ProposalEntry entry : proposals.history(proposal.id())) {
            var view = new LinkedHashMap<String, Object>();
            view.put("at", format.format(entry.at().atZone(zone)));
            view.put("actor", entry.actor());
            view.put("kind", entry.kind());
            view.put("to", entry.to() == null ? "" : entry.to().label(locale));
            view.put("text", entry.body());
            view.put("public", entry.isPublic());
            history.add(view);
        }
        model.put("history", history);
        model.put("decided", proposal.state().isDecided());
        model.put("mayDecide", AccessGuard.person(ctx).role() == se.planbot.plan.PersonRole.COORDINATOR);
        model.put("people", plan.people());
        model.put("strategies", plan.strategies());
        pages.show(ctx, status, "console/proposal", model);
    }

    private Map<String, Object> row(Proposal proposal, Locale locale) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", proposal.id());
        view.put("title", proposal.title());
        view.put("description", proposal.description());
        view.put("state", proposal.state().code());
        view.put("stateLabel", proposal.state().label(locale));
        view.put("answer", proposal.answer());
        view.put("origin", proposal.origin().label(locale));
        view.put("date", DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(proposal.createdAt().atZone(zone)));
        view.put("strategy", proposal.strategyId() == null ? "" : String.valueOf(proposal.strategyId()));
        view.put("dialog", proposal.dialogId() == null ? "" : dialogs.dialog(proposal.dialogId()).map(found -> found.title())
                .orElse(""));
        view.put("actions", proposal.actionIds().stream().map(plan::action).flatMap(Optional::stream)
                .map(action -> Map.of("id", action.id(), "code", action.code(), "title", action.title())).toList());
        view.put("mergedInto", proposal.mergedInto());
        return view;
    }

    private static List<Map<String, String>> states(Locale locale) {
        return java.util.Arrays.stream(ProposalState.values())
                .map(state -> Map.of("code", state.code(), "label", state.label(locale))).toList();
    }

    private void withProposal(Context ctx, java.util.function.Consumer<Proposal> then) {
        Optional<Proposal> proposal = number(ctx.pathParam("id")).flatMap(proposals::proposal);
        if (proposal.isEmpty()) {
            pages.show(ctx, 404, "console/not-found", model(ctx));
            return;
        }
        then.accept(proposal.get());
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        model.put("section", "proposals");
        return model;
    }

    private static String actor(Context ctx) {
        return AccessGuard.person(ctx).name() + " (konsol)";
    }

    private String amp(Context ctx) {
        return "en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : "";
    }

    private static Optional<Long> number(String text) {
        return text != null && text.strip().matches("\\d{1,12}") ? Optional.of(Long.parseLong(text.strip()))
                : Optional.empty();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
