package se.planbot.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads the properties file as UTF-8, saying in Swedish on which line a file saved in another
 * encoding (Latin-1, Windows-1252) or with a broken {@code \\u} escape goes wrong: the JDK's own
 * messages ("Input length = 1", "Malformed \\uxxxx encoding") tell an operator nothing.
 */
final class ConfigFile {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("(?<!\\\\)\\\\u(?![0-9a-fA-F]{4})");

    private ConfigFile() {
    }

    static Properties read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("Kan inte läsa konfigurationsfilen " + file + " (" + e.getClass().getSimpleName()
                    + "); kontrollera att filen finns och går att läsa för tjänstens användare");
        }
        String text = decode(file, bytes);
        var properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + " rad " + brokenEscapeLine(text) + ": ogiltig \\u-kod; skriv \\uXXXX med "
                    + "fyra hexadecimala siffror, eller \\\\ för ett omvänt snedstreck");
        }
        return properties;
    }

    private static String decode(Path file, byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + " rad " + firstBadLine(bytes) + ": filen är inte UTF-8 (troligen Latin-1 "
                    + "eller Windows-1252); spara den som UTF-8, t.ex. med iconv -f latin1 -t utf-8");
        }
    }

    /** The line of the first byte that is not valid UTF-8, counting from 1. */
    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    private static int brokenEscapeLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (BROKEN_ESCAPE.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 1;
    }
}
