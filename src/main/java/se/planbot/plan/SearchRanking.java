package se.planbot.plan;

import java.util.Comparator;
import java.util.List;

/**
 * Orders search hits best first: an exact code, then every word in the title, then words at the
 * start of title words, then hits only in the description. Ties keep the plan's order.
 */
final class SearchRanking {

    private SearchRanking() {
    }

    static List<Action> rank(List<Action> hits, String text) {
        String[] words = SearchText.fold(text).split(" ");
        return hits.stream()
                .sorted(Comparator.comparingInt((Action action) -> -score(action, words)))
                .toList();
    }

    static int score(Action action, String[] words) {
        String code = SearchText.fold(action.code());
        String title = " " + SearchText.fold(action.title()) + " ";
        int score = 0;
        for (String word : words) {
            if (word.equals(code)) {
                score += 100;
            }
            if (title.contains(" " + word + " ")) {
                score += 12;
            } else if (title.contains(" " + word)) {
                score += 8;
            } else if (title.contains(word)) {
                score += 4;
            }
        }
        return score;
    }
}
