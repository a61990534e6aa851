package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.config.Config;

/**
 * With {@code slack.app-token} Planbot connects to Slack over Socket Mode (apps.connections.open,
 * then a WebSocket) and answers there; the HTTP endpoint is not offered. A local WebSocket server
 * plays Slack: it says hello, sends a slash command envelope and receives Planbot's ack.
 */
class SocketModeTest {

    @TempDir
    Path folder;

    /** Slack's side of the socket. */
    static final class FakeSocket extends WebSocketServer {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        volatile WebSocket client;

        FakeSocket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            client = connection;
            connection.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\","
                    + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0PLAN\"}}");
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
        }

        @Override
        public void onStart() {
        }
    }

    @Test
    void with_an_app_token_commands_arrive_and_are_answered_over_socket_mode() throws Exception {
        var socket = new FakeSocket();
        socket.start();
        try (var slackApi = new FakeSlackApi()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (socket.getPort() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            slackApi.socketUrl("ws://127.0.0.1:" + socket.getPort() + "/link");
            var config = Config.of(Map.of("db.path", folder.resolve("p.db").toString(), "http.port", "0",
                    "slack.bot-token", "xoxb-fake", "slack.signing-secret", SlackTestSupport.SECRET,
                    "slack.app-token", "xapp-1-test", "slack.api-url", slackApi.apiUrl()));
            try (var planbot = new Planbot(config, Clock.fixed(SlackTestSupport.NOW, ZoneOffset.UTC)).start()) {
                var opened = slackApi.await(call -> call.method().equals("apps.connections.open"), 1);
                assertThat(opened.get(0).authorization()).isEqualTo("Bearer xapp-1-test");
                while (socket.client == null && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(5)) {
                    Thread.sleep(20);
                }
                socket.client.send("{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                        + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T0TEST\",\"team_domain\":\"planbot-test\","
                        + "\"channel_id\":\"C0PLAN\",\"channel_name\":\"plan\",\"user_id\":\"U0ANNA\",\"user_name\":\"anna\","
                        + "\"command\":\"/plan\",\"text\":\"hjälp\",\"api_app_id\":\"A0PLAN\",\"response_url\":\""
                        + slackApi.responseUrl("socket") + "\",\"trigger_id\":\"t-socket\"}}");
                String ack = socket.received.poll(10, TimeUnit.SECONDS);
                assertThat(ack).isNotNull().contains("\"envelope_id\":\"env-1\"");
                assertThat(SlackTestSupport.texts(SlackTestSupport.json(ack))).contains("Planbot svarar på frågor om åtgärdsplanen");

                var events = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + planbot.port() + SlackEventsRoute.PATH))
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(events.statusCode()).isEqualTo(404);
                var health = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + planbot.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(SlackTestSupport.json(health.body()).get("slack").get("mode").asText()).isEqualTo("socket");
            }
        } finally {
            socket.stop(1000);
        }
    }
}
