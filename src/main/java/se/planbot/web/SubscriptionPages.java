package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.plan.PlanService;
import se.planbot.problem.InvalidInput;
import se.planbot.subscribers.PersonalDataService;
import se.planbot.subscribers.SignUp;
import se.planbot.subscribers.Subscriber;
import se.planbot.subscribers.SubscriberService;
import se.planbot.subscribers.SubscriberStatus;

/**
 * A business's subscription, from the public form to the end. Links from mails open pages
 * whose buttons act: a GET never changes anything (mail scanners follow links). The one exception
 * by design is RFC 8058: {@code POST /unsubscribe?token=…} with {@code List-Unsubscribe=One-Click}
 * unsubscribes at once, without cookies or CSRF field; the link token authenticates it.
 *
 * <pre>
 * curl -s localhost:7070/subscribe
 * curl -s -X POST -d 'List-Unsubscribe=One-Click' 'localhost:7070/unsubscribe?token=TOKEN'
 * </pre>
 */
public final class SubscriptionPages {

    private final SubscriberService subscribers;
    private final PersonalDataService personalData;
    private final PlanService plan;
    private final Pages pages;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    SubscriptionPages(SubscriberService subscribers, PersonalDataService personalData, PlanService plan, Pages pages,
            RateLimiter limiter, ObjectMapper json) {
        this.subscribers = subscribers;
        this.personalData = personalData;
        this.plan = plan;
        this.pages = pages;
        this.limiter = limiter;
        this.json = json;
    }

    public void subscribePage(Context ctx) {
        form(ctx, 200, pages.model(ctx));
    }

    public void unsubscribePage(Context ctx) {
        linkPage(ctx, "unsubscribe");
    }

    public void myDataPage(Context ctx) {
        linkPage(ctx, "my-data");
    }

    private void form(Context ctx, int status, Map<String, Object> model) {
        model.put("strategies", plan.strategies());
        model.put("consentVersion", subscribers.consentVersion());
        model.putIfAbsent("chosen", List.of());
        pages.show(ctx, status, "subscribe", model);
    }

    public void subscribe(Context ctx) {
        if (!limiter.allow("subscribe:" + pages.client(ctx))) {
            pages.tooMany(ctx, limiter.window().toSeconds());
            return;
        }
        var model = pages.model(ctx);
        List<String> chosen = ctx.formParams("topics");
        var signUp = new SignUp(ctx.formParam("email"), ctx.formParam("name"), ctx.formParam("company"),
                ctx.formParam("orgNumber"), topics(chosen), "yes".equals(ctx.formParam("consent")), pages.locale(ctx),
                "web:/subscribe consent " + subscribers.consentVersion());
        try {
            subscribers.signUp(signUp);
            pages.show(ctx, 200, "subscribe-sent", model);
        } catch (InvalidInput e) {
            Pages.addErrors(model, e.errors());
            model.put("form", Map.of("email", text(signUp.email()), "name", text(signUp.name()),
                    "company", text(signUp.company()), "orgNumber", text(signUp.orgNumber()),
                    "consent", signUp.consent()));
            model.put("chosen", topics(chosen));
            form(ctx, 400, model);
        }
    }

    public void confirmPage(Context ctx) {
        String token = text(ctx.queryParam("token"));
        if (subscribers.pendingFor(token).isEmpty()) {
            pages.show(ctx, 404, "confirm-expired", pages.model(ctx));
            return;
        }
        var model = pages.model(ctx);
        model.put("token", token);
        pages.show(ctx, 200, "confirm", model);
    }

    public void confirm(Context ctx) {
        Optional<Subscriber> confirmed = subscribers.confirm(text(ctx.formParam("token")), "web:/subscribe/confirm");
        if (confirmed.isEmpty()) {
            pages.show(ctx, 404, "confirm-expired", pages.model(ctx));
            return;
        }
        var model = pages.model(ctx);
        model.put("subscriber", confirmed.get());
        pages.show(ctx, 200, "confirmed", model);
    }

    public void preferencesPage(Context ctx) {
        String token = text(ctx.queryParam("token"));
        Optional<Subscriber> subscriber = subscribers.forLink(token);
        if (subscriber.isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        preferences(ctx, 200, model, token, subscriber.get(), subscriber.get().topics());
    }

    private void preferences(Context ctx, int status, Map<String, Object> model, String token, Subscriber subscriber,
            List<Integer> chosen) {
        model.put("token", token);
        model.put("strategies", plan.strategies());
        model.put("chosen", chosen);
        model.put("active", subscriber.status() == SubscriberStatus.CONFIRMED);
        model.put("name", subscriber.name());
        pages.show(ctx, status, "preferences", model);
    }

    public void savePreferences(Context ctx) {
        String token = text(ctx.formParam("token"));
        Optional<Subscriber> subscriber = subscribers.forLink(token);
        if (subscriber.isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        List<String> chosen = ctx.formParams("topics");
        try {
            Subscriber saved = subscribers.changeTopics(token, topics(chosen), "web:/preferences").orElseThrow();
            model.put("saved", true);
            preferences(ctx, 200, model, token, saved, saved.topics());
        } catch (InvalidInput e) {
            Pages.addErrors(model, e.errors());
            preferences(ctx, 400, model, token, subscriber.get(), topics(chosen));
        }
    }

    /** A page opened from a mail link: it only shows a button; the POST behind it acts. */
    private void linkPage(Context ctx, String page) {
        String token = text(ctx.queryParam("token"));
        if (subscribers.forLink(token).isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.put("token", token);
        pages.show(ctx, 200, page, model);
    }

    /** The button's POST and the RFC 8058 one-click POST: token in the query or the form. */
    public void unsubscribe(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null && ctx.isFormUrlencoded()) {
            token = ctx.formParam("token");
        }
        if (!subscribers.unsubscribe(text(token), "web:/unsubscribe")) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.put("token", text(token));
        pages.show(ctx, 200, "unsubscribed", model);
    }

    public void export(Context ctx) throws Exception {
        Optional<Map<String, Object>> data = personalData.exportFor(text(ctx.queryParam("token")));
        if (data.isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Disposition", "attachment; filename=\"mina-uppgifter.json\"")
                .contentType("application/json; charset=utf-8")
                .result(json.writerWithDefaultPrettyPrinter().writeValueAsString(data.get()));
    }

    public void erase(Context ctx) {
        if (!personalData.eraseFor(text(ctx.formParam("token")))) {
            pages.badLink(ctx);
            return;
        }
        pages.show(ctx, 200, "erased", pages.model(ctx));
    }

    private static List<Integer> topics(List<String> chosen) {
        var topics = new ArrayList<Integer>();
        for (String value : chosen) {
            if (value.matches("\\d{1,2}")) {
                topics.add(Integer.parseInt(value));
            }
        }
        return topics;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
