package se.planbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.plan.PlanService;
import se.planbot.subscribers.PersonalDataService;
import se.planbot.subscribers.SubscriberCounts;
import se.planbot.subscribers.SubscriberService;
import se.planbot.subscribers.SubscriberStatus;
import se.planbot.problem.InvalidInput;

/**
 * Prenumeranter: how many subscribers by status and strategy, and a GDPR request by one address —
 * what is held about it, its data as a download, or erasing it all after a ticked confirmation.
 * Through {@link PersonalDataService}, as the API and the manage links. The address is posted,
 * never put in a URL, so it stays out of access logs and browser history.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin/subscribers
 * </pre>
 */
public final class ConsoleSubscriberPages {

    private final SubscriberService subscribers;
    private final PersonalDataService personalData;
    private final PlanService plan;
    private final ObjectMapper json;
    private final Pages pages;

    ConsoleSubscriberPages(SubscriberService subscribers, PersonalDataService personalData, PlanService plan,
            ObjectMapper json, Pages pages) {
        this.subscribers = subscribers;
        this.personalData = personalData;
        this.plan = plan;
        this.json = json;
        this.pages = pages;
    }

    /** GET /admin/subscribers: the counts and the search form. */
    public void overview(Context ctx) {
        overviewPage(ctx, 200, model(ctx));
    }

    /** POST /admin/subscribers/find (field {@code email}): what is held about one address. */
    public void find(Context ctx) {
        withAddress(ctx, (email, data) -> {
            var model = model(ctx);
            foundPage(ctx, 200, model, email, data);
        });
    }

    /** POST /admin/subscribers/export: everything held about the address, as JSON to keep or send on. */
    public void export(Context ctx) {
        withAddress(ctx, (email, data) -> {
            try {
                ConsoleImportPages.download(ctx, "application/json; charset=utf-8", "personuppgifter.json",
                        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the export is plain maps and lists", e);
            }
        });
    }

    /** POST /admin/subscribers/erase: only with the box ticked; then every row about the address is gone. */
    public void erase(Context ctx) {
        withAddress(ctx, (email, data) -> {
            var model = model(ctx);
            if (!"yes".equals(ctx.formParam("confirm"))) {
                Pages.addErrors(model, List.of(new se.planbot.problem.FieldError("confirm",
                        "kryssa i rutan om du vill radera allt om " + email)));
                foundPage(ctx, 400, model, email, data);
                return;
            }
            model.put("email", email);
            model.put("rows", personalData.erase(email));
            pages.show(ctx, 200, "console/subscriber-erased", model);
        });
    }

    private void withAddress(Context ctx, java.util.function.BiConsumer<String, Map<String, Object>> then) {
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        try {
            Map<String, Object> data = personalData.export(email);
            then.accept(data.get("email").toString(), data);
        } catch (InvalidInput invalid) {
            var model = model(ctx);
            Pages.addErrors(model, invalid.errors());
            model.put("form", Map.of("email", email));
            overviewPage(ctx, 400, model);
        }
    }

    private void overviewPage(Context ctx, int status, Map<String, Object> model) {
        SubscriberCounts counts = subscribers.counts();
        model.put("statuses", java.util.Arrays.stream(SubscriberStatus.values())
                .map(each -> Map.of("code", each.code(), "count", counts.of(each))).toList());
        model.put("strategies", plan.strategies().stream().map(strategy -> Map.of("id", strategy.id(),
                "title", strategy.title(), "count", counts.following(strategy.id()))).toList());
        pages.show(ctx, status, "console/subscribers", model);
    }

    private void foundPage(Context ctx, int status, Map<String, Object> model, String email, Map<String, Object> data) {
        model.put("email", email);
        model.put("subscription", data.get("subscription"));
        var held = new LinkedHashMap<String, Integer>();
        data.forEach((name, value) -> {
            if (value instanceof Collection<?> items) {
                held.put(name, items.size());
            }
        });
        model.put("held", held);
        model.put("nothing", data.get("subscription") == null && held.values().stream().allMatch(count -> count == 0));
        pages.show(ctx, status, "console/subscriber", model);
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        model.put("section", "subscribers");
        return model;
    }
}
