package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeysetPagesTest {

    @Test
    void walksForwardAndBackToTheFirstPageWhoseKeyIsNull() {
        KeysetPages<Long> pages = new KeysetPages<>();
        assertFalse(pages.forward(), "nothing read yet, no next page");
        pages.nextStartsAt(20L);
        assertTrue(pages.forward());
        assertEquals(20L, pages.start());
        pages.nextStartsAt(40L);
        assertTrue(pages.forward());
        assertEquals(3, pages.pageNumber());
        pages.nextStartsAt(null);
        assertFalse(pages.hasNext());
        assertFalse(pages.forward(), "the last page has no next");

        assertTrue(pages.back());
        assertEquals(20L, pages.start());
        assertTrue(pages.back());
        assertNull(pages.start());
        assertEquals(1, pages.pageNumber());
        assertFalse(pages.hasPrevious());
        assertFalse(pages.back());
    }

    @Test
    void restartingForgetsThePath() {
        KeysetPages<String> pages = new KeysetPages<>();
        pages.nextStartsAt("pst_2");
        pages.forward();
        pages.restart();
        assertNull(pages.start());
        assertFalse(pages.hasPrevious());
        assertFalse(pages.hasNext());
    }
}
