package se.planbot.proposals;

import java.util.List;
import java.util.Locale;
import se.planbot.plan.Strategy;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;
import se.planbot.subscribers.ContactRules;

/**
 * What a valid proposal is: a one-line title, a description of at most {@value #DESCRIPTION_MAX}
 * characters, a known strategy when one is suggested, and — when the proposer gives any contact
 * detail — a valid address and the consent box ticked (the same contact rules as the subscribe
 * and registration forms). Every mistake is collected, in Swedish, and thrown at once.
 */
final class ProposalRules {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 5_000;
    static final int ANSWER_MAX = 2_000;

    private ProposalRules() {
    }

    static ProposalDraft check(ProposalDraft draft, List<Strategy> strategies) {
        var errors = new Errors();
        String title = title(draft.title(), errors);
        String description = description(draft.description(), errors);
        strategy(draft.strategyId(), strategies, errors);
        if (draft.origin() == null) {
            errors.add("origin", "ange varifrån förslaget kommer: dialog, web, email eller meeting");
        } else if (draft.origin() == ProposalOrigin.DIALOG && draft.dialogId() == null) {
            errors.add("dialogId", "ett förslag från en dialog ska ange dialogen (dialogId)");
        }
        String name = trim(draft.proposerName());
        if (!name.isEmpty()) {
            InputText.line(errors, "name", "namnet", name, TITLE_MAX);
        }
        String company = ContactRules.company(draft.proposerCompany(), errors);
        String email = trim(draft.proposerEmail());
        if (!email.isEmpty()) {
            email = ContactRules.email(email, errors);
        }
        boolean contact = !name.isEmpty() || !company.isEmpty() || !email.isEmpty();
        if (contact && !draft.consent()) {
            errors.add("consent", "kryssa i att du godkänner att vi sparar dina kontaktuppgifter för att berätta "
                    + "vad som händer med förslaget, eller lämna förslaget utan kontaktuppgifter");
        }
        if (draft.showName() && name.isEmpty()) {
            errors.add("showName", "ange ditt namn om det ska visas med förslaget");
        }
        errors.throwIfAny();
        return new ProposalDraft(title, description, draft.strategyId(), draft.origin(), draft.dialogId(), name,
                company, email.isEmpty() ? null : email, draft.showName(), contact,
                draft.locale() == null ? Locale.forLanguageTag("sv") : draft.locale(),
                draft.source() == null ? "web" : draft.source());
    }

    static String title(String value, Errors errors) {
        String title = trim(value);
        if (title.isEmpty()) {
            errors.add("title", "ge förslaget en rubrik");
        } else {
            InputText.line(errors, "title", "rubriken", title, TITLE_MAX);
        }
        return title;
    }

    static String description(String value, Errors errors) {
        String description = trim(value);
        InputText.text(errors, "description", "beskrivningen", description, DESCRIPTION_MAX);
        return description;
    }

    static void strategy(Integer strategyId, List<Strategy> strategies, Errors errors) {
        if (strategyId != null && strategies.stream().noneMatch(strategy -> strategy.id() == strategyId)) {
            errors.add("strategy", "strategi " + strategyId + " finns inte");
        }
    }

    static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
