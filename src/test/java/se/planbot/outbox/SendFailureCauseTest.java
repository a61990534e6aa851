package se.planbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestClock;

/** What the outbox records when SMTP fails: the root cause, so a hung server is told from a dropped connection. */
class SendFailureCauseTest {

    @TempDir
    Path folder;

    private final List<Socket> held = new ArrayList<>();
    private ServerSocket server;
    private Planbot planbot;

    @AfterEach
    void close() throws Exception {
        if (planbot != null) {
            planbot.close();
        }
        for (Socket socket : held) {
            socket.close();
        }
        server.close();
    }

    @Test
    void a_server_that_never_answers_is_recorded_as_a_read_timeout_with_its_duration() throws Exception {
        serve(held::add);
        String error = sendOnceAndRecordedError();
        assertThat(error).contains("servern svarade inte inom 1 s").doesNotContain("Read timed out", "Exception");
    }

    @Test
    void a_server_that_drops_the_connection_is_recorded_as_such_not_as_a_timeout() throws Exception {
        serve(socket -> {
            try {
                socket.close();
            } catch (Exception ignored) {
                // already gone
            }
        });
        String error = sendOnceAndRecordedError();
        assertThat(error).doesNotContain("svarade inte", "greeting", "EOF").contains("servern stängde anslutningen");
    }

    private void serve(Consumer<Socket> onAccept) throws Exception {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    onAccept.accept(server.accept());
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private String sendOnceAndRecordedError() {
        planbot = Fixtures.planbot(folder, TestClock.at("2026-12-01T08:00"), Map.of("mail.transport", "smtp",
                "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(server.getLocalPort()), "smtp.timeout-seconds", "1"));
        long id = planbot.database().write(connection -> {
            planbot.outbox().enqueue(connection, new OutgoingMessage("cause:1", Channel.EMAIL, "asa@example.se", "Åsa",
                    "reminder", Map.of("personName", "Åsa", "date", "2026-12-01", "items", List.of()),
                    Locale.forLanguageTag("sv")));
            return planbot.outbox().lastId(connection);
        });
        assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.RETRY);
        return planbot.outboxAdmin().entry(id).orElseThrow().lastError();
    }
}
