package se.planbot.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.planbot.followup.OwnerComments;
import se.planbot.plan.Person;
import se.planbot.problem.InvalidInput;
import se.planbot.signin.OwnerLinks;

/**
 * An owner's comments for the yearly follow-up, from the link in the coordinator's request: the
 * link's token stands for the owner (no sign-in), the form lists their actions with a text each.
 *
 * <pre>
 * curl -s 'localhost:7070/admin/follow-up/2026/comment?token=TOKEN'
 * </pre>
 */
public final class OwnerCommentPages {

    private final OwnerComments comments;
    private final OwnerLinks links;
    private final Pages pages;

    OwnerCommentPages(OwnerComments comments, OwnerLinks links, Pages pages) {
        this.comments = comments;
        this.links = links;
        this.pages = pages;
    }

    /** GET /admin/follow-up/{year}/comment?token=… */
    public void form(Context ctx) {
        String token = text(ctx.queryParam("token"));
        withOwner(ctx, token, (year, owner) -> page(ctx, 200, pages.model(ctx), year, owner, token, false));
    }

    /** POST /admin/follow-up/{year}/comment: fields {@code comment-<action id>}, and the link's token. */
    public void save(Context ctx) {
        String token = text(ctx.formParam("token"));
        withOwner(ctx, token, (year, owner) -> {
            var byAction = new LinkedHashMap<Long, String>();
            ctx.formParamMap().forEach((name, values) -> {
                if (name.matches("comment-\\d{1,12}") && !values.isEmpty()) {
                    byAction.put(Long.parseLong(name.substring("comment-".length())), values.get(0));
                }
            });
            var model = pages.model(ctx);
            try {
                comments.save(year, owner, byAction);
                page(ctx, 200, model, year, owner, token, true);
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                model.put("typed", byAction);
                page(ctx, 400, model, year, owner, token, false);
            }
        });
    }

    private void page(Context ctx, int status, Map<String, Object> model, int year, Person owner, String token,
            boolean saved) {
        model.put("year", year);
        model.put("owner", owner);
        model.put("token", token);
        model.put("saved", saved);
        model.put("max", OwnerComments.COMMENT_MAX);
        model.putIfAbsent("typed", Map.of());
        model.put("actions", comments.forOwner(year, owner));
        pages.show(ctx, status, "console/follow-up-comment", model);
    }

    private interface OwnerHandler {
        void handle(int year, Person owner);
    }

    /** Runs {@code then} for a valid link to a draft's comments; otherwise the 404 page for a bad link. */
    private void withOwner(Context ctx, String token, OwnerHandler then) {
        Optional<Integer> year = FollowUpPages.year(ctx.pathParam("year")).filter(comments::open);
        Optional<Person> owner = links.person(token);
        if (year.isEmpty() || owner.isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        then.handle(year.get(), owner.get());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
