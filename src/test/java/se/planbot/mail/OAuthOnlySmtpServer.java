package se.planbot.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * An SMTP server that behaves like Exchange Online with Basic authentication turned off: it offers
 * {@code AUTH LOGIN XOAUTH2}, refuses LOGIN with 535 5.7.139, takes mail only after a successful
 * XOAUTH2 login with a token {@code tokenCheck} accepts, and answers an unknown token with 535 5.7.3.
 * With {@code googleStyle} a refused token first gets Gmail's 334 error challenge (base64 JSON),
 * then 535 after the client's empty reply.
 */
public final class OAuthOnlySmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final BiPredicate<String, String> tokenCheck;
    private final boolean googleStyle;
    public final AtomicInteger xoauth2Attempts = new AtomicInteger();
    public final AtomicInteger basicAttempts = new AtomicInteger();
    public final AtomicInteger messages = new AtomicInteger();
    /** The user= of every accepted XOAUTH2 login. */
    public final Queue<String> loggedIn = new ConcurrentLinkedQueue<>();

    public OAuthOnlySmtpServer(BiPredicate<String, String> tokenCheck, boolean googleStyle) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.tokenCheck = tokenCheck;
        this.googleStyle = googleStyle;
        Thread acceptor = new Thread(this::accept, "oauth-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> serve(client), "oauth-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready");
            boolean authenticated = false;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250-AM0PR01CA0001.outlook.office365.com Hello [127.0.0.1]");
                    reply(out, "250-SIZE 157286400");
                    reply(out, "250-AUTH LOGIN XOAUTH2");
                    reply(out, "250 8BITMIME");
                } else if (upper.startsWith("AUTH LOGIN")) {
                    basicAttempts.incrementAndGet();
                    if (upper.equals("AUTH LOGIN")) {
                        reply(out, "334 VXNlcm5hbWU6");
                        in.readLine();
                    }
                    reply(out, "334 UGFzc3dvcmQ6");
                    in.readLine();
                    reply(out, "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.");
                } else if (upper.startsWith("AUTH XOAUTH2")) {
                    xoauth2Attempts.incrementAndGet();
                    String initial = line.length() > "AUTH XOAUTH2 ".length() ? line.substring("AUTH XOAUTH2 ".length()).trim() : "";
                    if (initial.isEmpty()) {
                        reply(out, "334 ");
                        initial = in.readLine();
                    }
                    authenticated = xoauth2(initial, in, out);
                } else if (upper.startsWith("AUTH")) {
                    reply(out, "504 5.7.4 Unrecognized authentication type");
                } else if (upper.startsWith("MAIL")) {
                    reply(out, authenticated ? "250 2.1.0 Sender OK" : "530 5.7.57 Client not authenticated to send mail.");
                } else if (upper.startsWith("RCPT")) {
                    reply(out, "250 2.1.5 Recipient OK");
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 Start mail input; end with <CRLF>.<CRLF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message: read and forget
                    }
                    messages.incrementAndGet();
                    reply(out, "250 2.6.0 Queued mail for delivery");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 Service closing transmission channel");
                    return;
                } else {
                    reply(out, "250 2.0.0 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** {@code base64("user=" + user + "^Aauth=Bearer " + token + "^A^A")}, RFC-less but as Google and Microsoft document it. */
    private boolean xoauth2(String initial, BufferedReader in, OutputStream out) throws IOException {
        String user = "";
        String token = "";
        try {
            String decoded = new String(Base64.getDecoder().decode(initial), StandardCharsets.UTF_8);
            for (String part : decoded.split("\u0001")) {
                if (part.startsWith("user=")) {
                    user = part.substring(5);
                } else if (part.startsWith("auth=Bearer ")) {
                    token = part.substring(12);
                }
            }
        } catch (IllegalArgumentException e) {
            reply(out, "501 5.5.2 Cannot Decode response");
            return false;
        }
        if (!user.isEmpty() && !token.isEmpty() && tokenCheck.test(user, token)) {
            loggedIn.add(user);
            reply(out, "235 2.7.0 Authentication successful");
            return true;
        }
        if (googleStyle) {
            String challenge = "{\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}";
            reply(out, "334 " + Base64.getEncoder().encodeToString(challenge.getBytes(StandardCharsets.UTF_8)));
            in.readLine();
            reply(out, "535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials");
        } else {
            reply(out, "535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]");
        }
        return false;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
