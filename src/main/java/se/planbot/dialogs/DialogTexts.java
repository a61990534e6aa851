package se.planbot.dialogs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A dialog as people read it, in Swedish form and Europe/Stockholm time ("torsdag 10 december
 * 2026", "09.00–11.00"), or English. Used by mails (queued with these texts) and pages.
 */
public final class DialogTexts {

    private final ZoneId zone;
    private final String baseUrl;

    public DialogTexts(ZoneId zone, String baseUrl) {
        this.zone = zone;
        this.baseUrl = baseUrl;
    }

    public String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale)
                .format(instant.atZone(zone));
    }

    public String time(Dialog dialog, Locale locale) {
        String pattern = "en".equals(locale.getLanguage()) ? "HH:mm" : "HH.mm";
        var format = DateTimeFormatter.ofPattern(pattern, locale);
        ZonedDateTime start = dialog.startsAt().atZone(zone);
        ZonedDateTime end = dialog.endsAt().atZone(zone);
        String range = format.format(start) + "–" + format.format(end);
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            range = format.format(start) + " – " + date(dialog.endsAt(), locale) + " " + format.format(end);
        }
        return range;
    }

    public String url(Dialog dialog) {
        return baseUrl + "/dialogs/" + dialog.id();
    }

    /** The values every dialog mail and page shows. */
    public Map<String, Object> model(Dialog dialog, Locale locale) {
        var model = new LinkedHashMap<String, Object>();
        model.put("id", dialog.id());
        model.put("title", dialog.title());
        model.put("theme", dialog.theme());
        model.put("description", dialog.description());
        model.put("date", date(dialog.startsAt(), locale));
        model.put("time", time(dialog, locale));
        model.put("place", dialog.place());
        model.put("onlineUrl", dialog.onlineUrl());
        model.put("state", dialog.state().code());
        model.put("capacity", dialog.capacity());
        model.put("seatsLeft", dialog.seatsLeft());
        model.put("full", dialog.isFull());
        // Pages are Swedish unless asked: an English mail's links ask.
        String page = url(dialog) + ("en".equals(locale.getLanguage()) ? "?locale=en" : "");
        model.put("dialogUrl", page);
        model.put("registerUrl", page + "#anmalan");
        model.put("start", dialog.startsAt().atZone(zone).toLocalDateTime().toString());
        return model;
    }
}
