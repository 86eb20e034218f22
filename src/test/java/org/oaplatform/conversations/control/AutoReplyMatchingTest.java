package org.oaplatform.conversations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oaplatform.conversations.control.AutoReplyMatching.Candidate;
import org.oaplatform.conversations.control.AutoReplyMatching.Keyword;
import org.oaplatform.conversations.control.AutoReplyMatching.Match;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.platform.control.BusinessException;

/** Which keyword rule answers a text, and what a rule may be. */
class AutoReplyMatchingTest {

    private static Candidate rule(long id, int priority, Keyword... keywords) {
        return new Candidate(id, priority, List.of(keywords));
    }

    private static Keyword exact(String text) {
        return new Keyword(text, Match.EXACT);
    }

    private static Keyword contains(String text) {
        return new Keyword(text, Match.CONTAINS);
    }

    private static Optional<Long> answer(String text, Candidate... rules) {
        return AutoReplyMatching.best(List.of(rules), text).map(Candidate::id);
    }

    @Test
    void anExactKeywordIsTheWholeMessageIgnoringCaseAndBlanks() {
        Candidate hours = rule(1, 0, exact("Opening hours"));
        assertEquals(Optional.of(1L), answer("  opening HOURS ", hours));
        assertEquals(Optional.empty(), answer("what are the opening hours?", hours));
        assertEquals(Optional.empty(), answer("", hours));
    }

    @Test
    void aContainedKeywordMayBeAnywhereAndAlsoMatchesTheWholeMessage() {
        Candidate price = rule(1, 0, contains("价格"));
        assertEquals(Optional.of(1L), answer("请问价格是多少", price));
        assertEquals(Optional.of(1L), answer("价格", price));
        assertEquals(Optional.empty(), answer("多少钱", price));
    }

    @Test
    void theHighestPriorityWinsThenAnExactMatchThenTheOlderRule() {
        Candidate older = rule(1, 5, contains("order"));
        Candidate newer = rule(2, 5, contains("order"));
        Candidate exactSamePriority = rule(3, 5, exact("order status"));
        Candidate urgent = rule(4, 9, contains("status"));
        assertEquals(Optional.of(1L), answer("my order", newer, older));
        assertEquals(Optional.of(3L), answer("order status", older, newer, exactSamePriority));
        assertEquals(Optional.of(4L), answer("order status", older, exactSamePriority, urgent));
        assertEquals(Optional.of(3L), answer("Order Status", exactSamePriority, rule(5, 5, contains("status"))));
    }

    @Test
    void aRuleMatchesWhenAnyOfItsKeywordsDoes() {
        Candidate help = rule(7, 0, exact("help"), contains("support"), exact("?"));
        assertEquals(Optional.of(7L), answer("?", help));
        assertEquals(Optional.of(7L), answer("need support now", help));
        assertEquals(Optional.empty(), answer("helpful", help));
    }

    private static BusinessException refused(Runnable definition) {
        BusinessException e = assertThrows(BusinessException.class, definition::run);
        assertEquals(AutoReplyError.AUTO_REPLY_INVALID, e.code());
        return e;
    }

    private static AutoReplyDefinition.ReplyFields text(String content) {
        return new AutoReplyDefinition.ReplyFields("text", content, null);
    }

    @Test
    void aKeywordRuleNeedsKeywordsAndReplies() {
        AutoReplyDefinition ok = AutoReplyDefinition.of("keyword", " Hours ", 3,
                List.of(new AutoReplyDefinition.KeywordFields("hours", null),
                        new AutoReplyDefinition.KeywordFields("open", "contains")),
                List.of(text("9 to 5"), new AutoReplyDefinition.ReplyFields("image", null, "med_0123456789abcdef")));
        assertEquals("Hours", ok.name());
        assertEquals(List.of(exact("hours"), contains("open")), ok.keywords());
        assertEquals(MessageType.IMAGE, ok.replies().get(1).type());
        assertEquals(ok.keywords(), AutoReplyDefinition.keywords(ok.keywordsJson()));
        assertEquals(ok.replies(), AutoReplyDefinition.replies(ok.repliesJson()));

        refused(() -> AutoReplyDefinition.of("KEYWORD", "x", 0, List.of(), List.of(text("a"))));
        refused(() -> AutoReplyDefinition.of("KEYWORD", "x", 0, List.of(new AutoReplyDefinition.KeywordFields("a",
                "fuzzy")), List.of(text("a"))));
        refused(() -> AutoReplyDefinition.of("KEYWORD", "x", 0, List.of(new AutoReplyDefinition.KeywordFields("a",
                null), new AutoReplyDefinition.KeywordFields(" A ", "CONTAINS")), List.of(text("a"))));
        refused(() -> AutoReplyDefinition.of("KEYWORD", "x", 101, List.of(new AutoReplyDefinition.KeywordFields("a",
                null)), List.of(text("a"))));
        refused(() -> AutoReplyDefinition.of("KEYWORD", "x", 0, List.of(new AutoReplyDefinition.KeywordFields("a",
                null)), List.of()));
        refused(() -> AutoReplyDefinition.of("KEYWORD", "x", 0, List.of(new AutoReplyDefinition.KeywordFields("a",
                null)), List.of(text("1"), text("2"), text("3"), text("4"), text("5"), text("6"))));
    }

    @Test
    void welcomeAndDefaultRulesHaveNoKeywordsAndEveryReplyIsTextOrMedia() {
        assertEquals(AutoReplyDefinition.Kind.WELCOME,
                AutoReplyDefinition.of("welcome", "Hi", null, null, List.of(text("Welcome!"))).kind());
        assertTrue(refused(() -> AutoReplyDefinition.of("DEFAULT", "x", null,
                List.of(new AutoReplyDefinition.KeywordFields("a", null)), List.of(text("a")))).getMessage()
                .contains("no keywords"));
        refused(() -> AutoReplyDefinition.of("DEFAULT", "x", 4, null, List.of(text("a"))));
        refused(() -> AutoReplyDefinition.of("sometimes", "x", null, null, List.of(text("a"))));
        refused(() -> AutoReplyDefinition.of("DEFAULT", " ", null, null, List.of(text("a"))));
        refused(() -> AutoReplyDefinition.of("DEFAULT", "x", null, null, List.of(text("a".repeat(601)))));
        refused(() -> AutoReplyDefinition.of("DEFAULT", "x", null, null,
                List.of(new AutoReplyDefinition.ReplyFields("music", null, "m"))));
        refused(() -> AutoReplyDefinition.of("DEFAULT", "x", null, null,
                List.of(new AutoReplyDefinition.ReplyFields("voice", "text instead", null))));
    }
}
