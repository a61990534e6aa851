package se.planbot.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SQLite FTS5's {@code bm25(10000.0, 100.0, 1.0)} over code, title and description, computed in
 * Java for PostgreSQL so that a search ranks its hits exactly as on SQLite (ts_rank weighs words
 * differently). Same tokens as the index (folded, split at anything not a letter or digit), the
 * same phrases as {@link SearchText#indexQuery} (each word whole, and as a prefix), the same
 * formula as fts5_aux.c: k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)) (at least 1e-6),
 * a hit counting its column's weight, the row's length in tokens of all columns.
 */
final class Bm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double[] WEIGHTS = {10000.0, 100.0, 1.0};

    /** One word of the query: its tokens, matched whole or with the last one as a prefix. */
    private record Phrase(List<String> tokens, boolean prefix) {
    }

    private final List<Phrase> phrases = new ArrayList<>();
    private final double[] idf;
    private final double averageLength;

    /** The statistics of the whole index: {@code corpus} is every action's code, title, description. */
    Bm25(String text, List<String[]> corpus) {
        for (String word : SearchText.words(text)) {
            List<String> tokens = tokens(word);
            if (!tokens.isEmpty()) {
                phrases.add(new Phrase(tokens, false));
                phrases.add(new Phrase(tokens, true));
            }
        }
        idf = new double[phrases.size()];
        long totalTokens = 0;
        int[] rowsWith = new int[phrases.size()];
        for (String[] columns : corpus) {
            List<List<String>> tokenized = tokenize(columns);
            for (List<String> column : tokenized) {
                totalTokens += column.size();
            }
            for (int i = 0; i < phrases.size(); i++) {
                int index = i;
                if (tokenized.stream().anyMatch(column -> hits(phrases.get(index), column) > 0)) {
                    rowsWith[i]++;
                }
            }
        }
        int rows = corpus.size();
        for (int i = 0; i < phrases.size(); i++) {
            double value = Math.log((rows - rowsWith[i] + 0.5) / (rowsWith[i] + 0.5));
            idf[i] = value <= 0.0 ? 1e-6 : value;
        }
        averageLength = rows == 0 ? 1.0 : (double) totalTokens / rows;
    }

    /** FTS5's rank of one row: lower is better (bm25 is returned negated, as SQLite's {@code rank}). */
    double rank(String[] columns) {
        List<List<String>> tokenized = tokenize(columns);
        int length = tokenized.stream().mapToInt(List::size).sum();
        double score = 0.0;
        for (int i = 0; i < phrases.size(); i++) {
            double frequency = 0.0;
            for (int column = 0; column < tokenized.size(); column++) {
                frequency += WEIGHTS[column] * hits(phrases.get(i), tokenized.get(column));
            }
            score += idf[i] * (frequency * (K1 + 1.0)) / (frequency + K1 * (1.0 - B + B * length / averageLength));
        }
        return -score;
    }

    private static List<List<String>> tokenize(String[] columns) {
        var tokenized = new ArrayList<List<String>>();
        for (String column : columns) {
            tokenized.add(tokens(column));
        }
        return tokenized;
    }

    static List<String> tokens(String text) {
        String folded = SearchText.unaccentRest(SearchText.fold(text));
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(token -> !token.isEmpty()).toList();
    }

    private static int hits(Phrase phrase, List<String> column) {
        int count = 0;
        int size = phrase.tokens().size();
        for (int start = 0; start + size <= column.size(); start++) {
            boolean match = true;
            for (int i = 0; i < size && match; i++) {
                String want = phrase.tokens().get(i);
                String have = column.get(start + i);
                match = phrase.prefix() && i == size - 1 ? have.startsWith(want) : have.equals(want);
            }
            if (match) {
                count++;
            }
        }
        return count;
    }
}
