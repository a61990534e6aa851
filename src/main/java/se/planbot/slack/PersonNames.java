package se.planbot.slack;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.planbot.plan.Person;
import se.planbot.plan.SearchText;

/**
 * A question that is a person's name ("Lars Holm", "lars holms", "Holm"): every word a part of
 * one person's name, the last perhaps with the genitive s. Folded in Java, not SQL: SQLite folds
 * ASCII only, and "Åsa" must find "åsa".
 */
final class PersonNames {

    private PersonNames() {
    }

    /** The one person whose name the words are; empty when none or several are. */
    static Optional<Person> only(List<Person> people, String words) {
        String[] asked = SearchText.fold(words).split(" ");
        if (asked[0].isEmpty()) {
            return Optional.empty();
        }
        List<Person> named = people.stream().filter(person -> isNamed(person, asked)).limit(2).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static boolean isNamed(Person person, String[] asked) {
        List<String> parts = Arrays.asList(SearchText.fold(person.name()).split(" "));
        for (int i = 0; i < asked.length; i++) {
            String word = asked[i];
            boolean last = i == asked.length - 1;
            boolean genitive = last && word.length() > 2 && word.endsWith("s")
                    && parts.contains(word.substring(0, word.length() - 1));
            if (!parts.contains(word) && !genitive) {
                return false;
            }
        }
        return true;
    }
}
