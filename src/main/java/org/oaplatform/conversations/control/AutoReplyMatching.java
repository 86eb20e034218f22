package org.oaplatform.conversations.control;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which keyword rule answers a follower's text (docs/conversations.md): a rule matches when one of its keywords does,
 * exactly (the whole message) or contained in it, ignoring case and surrounding blanks. Of the matching rules the
 * highest priority wins; at equal priority a rule matched exactly beats one matched by containment (it says more about
 * this message); then the older rule wins, so that the answer does not change when an operator adds a rule.
 */
public final class AutoReplyMatching {

    public enum Match {
        EXACT, CONTAINS
    }

    public record Keyword(String text, Match match) {
    }

    /** A keyword rule as matching sees it: its id (older rules have smaller ids), priority and keywords. */
    public record Candidate(long id, int priority, List<Keyword> keywords) {
    }

    private AutoReplyMatching() {
    }

    public static Optional<Candidate> best(List<Candidate> rules, String message) {
        String text = normal(message);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Comparator<Scored> order = Comparator.comparingInt((Scored s) -> s.rule().priority()).reversed()
                .thenComparing(s -> s.how() == Match.EXACT ? 0 : 1)
                .thenComparingLong(s -> s.rule().id());
        return rules.stream().map(rule -> score(rule, text)).flatMap(Optional::stream).min(order).map(Scored::rule);
    }

    private record Scored(Candidate rule, Match how) {
    }

    /** How the rule matches the message at best, if at all. */
    private static Optional<Scored> score(Candidate rule, String text) {
        Match best = null;
        for (Keyword keyword : rule.keywords()) {
            String word = normal(keyword.text());
            if (word.isEmpty()) {
                continue;
            }
            if (word.equals(text)) {
                return Optional.of(new Scored(rule, Match.EXACT));
            }
            if (keyword.match() == Match.CONTAINS && text.contains(word)) {
                best = Match.CONTAINS;
            }
        }
        return Optional.ofNullable(best).map(how -> new Scored(rule, how));
    }

    static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
