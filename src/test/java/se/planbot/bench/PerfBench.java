package se.planbot.bench;

import io.javalin.Javalin;
import java.io.BufferedWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import se.planbot.Planbot;
import se.planbot.config.Config;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;
import se.planbot.slack.FakeSlackApi;
import se.planbot.slack.RequestSignature;

/**
 * The Java half of bench/perf-bench.sh (not a test):
 * <pre>
 * bare PORT                          a bare Javalin endpoint answering "ok": the ceiling
 * seed DB N                          N actions; every title holds "företagsklimatet", 1 in 100 "bygglov"
 * fake-slack URL_FILE                a local Slack Web API (auth.test) until killed; writes its URL
 * slack-pool FILE SECRET N TEXT      N distinct signed /plan TEXT requests (a replay is refused), for wrk
 * seed-mail DB N DEADLINE            N owners with one action each due on DEADLINE: N reminders for one remind
 * </pre>
 */
public final class PerfBench {

    private PerfBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "bare" -> Javalin.create(config -> config.routes.get("/", ctx -> ctx.result("ok")))
                    .start(Integer.parseInt(args[1]));
            case "seed" -> seed(Path.of(args[1]), Integer.parseInt(args[2]));
            case "fake-slack" -> fakeSlack(Path.of(args[1]));
            case "slack-pool" -> slackPool(Path.of(args[1]), args[2], Integer.parseInt(args[3]), args[4]);
            case "seed-mail" -> seedMail(Path.of(args[1]), Integer.parseInt(args[2]), LocalDate.parse(args[3]));
            default -> throw new IllegalArgumentException("unknown: " + args[0]);
        }
    }

    private static void seed(Path database, int count) throws Exception {
        try (var planbot = new Planbot(Config.of(Map.of("db.path", database.toString())), Clock.systemUTC())) {
            planbot.plan().createPerson(new PersonDraft("Owner 0", "owner0@example.se", "U0BENCH", PersonRole.OWNER));
            var csv = new StringBuilder("Kod;Åtgärd;Beskrivning;Strategi;Ansvarig;E-post;Förvaltning;Start;"
                    + "Klart senast;Status;Framsteg;Ursprung\n");
            LocalDate today = LocalDate.now();
            String[] words = {"turism", "kompetens", "lokaler", "innovation", "bemötande", "handel", "logistik", "energi"};
            for (int i = 1; i <= count; i++) {
                int strategy = 1 + i % 6;
                csv.append(strategy).append('.').append(i).append(";Åtgärd ").append(i).append(" för företagsklimatet: ")
                        .append(words[i % words.length]).append(i % 100 == 0 ? " och bygglov" : "")
                        .append(";Beskrivning av åtgärd ").append(i).append(" inom ").append(words[(i / 3) % words.length])
                        .append(";").append(strategy).append(" Strategi ").append(strategy)
                        .append(";Owner ").append(i % 50).append(";owner").append(i % 50).append("@example.se;Förvaltning;")
                        .append(today.minusDays(400)).append(';').append(today.plusDays((i % 4 == 0 ? -1 : 1) * (1 + i % 300)))
                        .append(';').append(i % 3 == 0 ? "Planerad" : "Pågår").append(';').append(i % 100).append(";plan\n");
            }
            planbot.transfer().importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), "bench");
        }
    }

    private static void seedMail(Path database, int count, LocalDate deadline) throws Exception {
        try (var planbot = new Planbot(Config.of(Map.of("db.path", database.toString())), Clock.systemUTC())) {
            var csv = new StringBuilder("Kod;Åtgärd;Beskrivning;Strategi;Ansvarig;E-post;Förvaltning;Start;"
                    + "Klart senast;Status;Framsteg;Ursprung\n");
            for (int i = 1; i <= count; i++) {
                csv.append("M.").append(i).append(";Åtgärd ").append(i).append(" för företagsklimatet;Beskrivning ")
                        .append(i).append(";1 Strategi 1;Ägare ").append(i).append(";owner").append(i)
                        .append("@example.se;Förvaltning;").append(deadline.minusDays(300)).append(';').append(deadline)
                        .append(";Pågår;").append(i % 100).append(";plan\n");
            }
            planbot.transfer().importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), "bench");
        }
    }

    private static void fakeSlack(Path urlFile) throws Exception {
        var api = new FakeSlackApi();
        Files.writeString(urlFile, api.apiUrl());
        Thread.currentThread().join();
    }

    /** One request a line: timestamp, signature and body, tab-separated, each body with its own trigger_id. */
    private static void slackPool(Path file, String secret, int count, String text) throws Exception {
        var signature = new RequestSignature(secret, Clock.systemUTC());
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String prefix = "token=x&team_id=T0BENCH&channel_id=C0BENCH&user_id=U0BENCH&command=%2Fplan&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fresponse&trigger_id=bench.";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String body = prefix + timestamp + "." + i;
                out.write(timestamp + "\t" + signature.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)) + "\t"
                        + body + "\n");
            }
        }
    }
}
