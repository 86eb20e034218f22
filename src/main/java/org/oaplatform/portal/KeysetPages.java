package org.oaplatform.portal;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * Where a keyset-paged list of a view is: the key its page starts at ({@code null}: the first page), the keys of the
 * pages before it (for "previous"), and the key the next page starts at, if there is one. Pages remember keys,
 * never offsets, so a page costs the same deep in a long list and rows added meanwhile shift nothing.
 */
public final class KeysetPages<K extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    private K start;
    /** An ArrayList, not a deque: the first page's key is {@code null}. */
    private final ArrayList<K> earlier = new ArrayList<>();
    private K next;

    /** The key the current page starts at; {@code null} on the first page. */
    public K start() {
        return start;
    }

    /** Back to the first page, for a new search or after adding a row. */
    public void restart() {
        start = null;
        earlier.clear();
        next = null;
    }

    /** What the page just read says of the next one: the key it starts at, or {@code null} when this was the last. */
    public void nextStartsAt(K key) {
        next = key;
    }

    /** Moves to the next page, if there is one; read the page again after it. */
    public boolean forward() {
        if (next == null) {
            return false;
        }
        earlier.add(start);
        start = next;
        next = null;
        return true;
    }

    /** Moves to the previous page, if there is one; read the page again after it. */
    public boolean back() {
        if (earlier.isEmpty()) {
            return false;
        }
        start = earlier.remove(earlier.size() - 1);
        return true;
    }

    public boolean hasNext() {
        return next != null;
    }

    public boolean hasPrevious() {
        return !earlier.isEmpty();
    }

    /** 1 for the first page. */
    public int pageNumber() {
        return earlier.size() + 1;
    }
}
