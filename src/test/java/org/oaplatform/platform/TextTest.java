package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.Text;

class TextTest {

    @Test
    void blankTextIsNoText() {
        assertNull(Text.strippedOrNull(null));
        assertNull(Text.strippedOrNull(" \t\n"));
        assertEquals("lunch", Text.strippedOrNull("  lunch "));
    }

    @Test
    void likePatternsMatchWildcardsLiterally() {
        assertEquals("o\\_ab\\%c\\\\%", Text.likeStartingWith("o_ab%c\\"));
        assertEquals("%Demo\\_News%", Text.likeContaining("Demo_News"));
        assertEquals("%%", Text.likeContaining(""));
    }
}
