package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Set;
import se.planbot.subscribers.PersonalDataService;

/**
 * The coordinator's GDPR tools: everything held about an address (coordinator token), and erasing
 * it (admin token; see the route table). The address goes in the body, not the URL, so it stays out of access logs and history.
 *
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/subscribers/export -d '{"email":"anna@foretag.se"}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/subscribers/erase -d '{"email":"anna@foretag.se"}'
 * </pre>
 */
public final class SubscriberApi {

    private final PersonalDataService personalData;
    private final ObjectMapper json;

    SubscriberApi(PersonalDataService personalData, ObjectMapper json) {
        this.personalData = personalData;
        this.json = json;
    }

    public void export(Context ctx) {
        ctx.json(personalData.export(email(ctx.body())));
    }

    public void erase(Context ctx) {
        int rows = personalData.erase(email(ctx.body()));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("erased", true);
        answer.put("rows", rows);
        ctx.json(answer);
    }

    private String email(String raw) {
        var body = JsonBody.parse(json, raw, Set.of("email"));
        String email = body.text("email");
        if (email == null) {
            body.errors().add("email", "ange e-postadressen, t.ex. {\"email\":\"anna@foretag.se\"}");
        }
        body.errors().throwIfAny();
        return email;
    }
}
