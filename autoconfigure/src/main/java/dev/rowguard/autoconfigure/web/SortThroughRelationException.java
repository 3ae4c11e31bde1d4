package dev.rowguard.autoconfigure.web;

/**
 * A request asked to sort by an attribute of a related entity ({@code sort=list.title}):
 * the order of the rows would follow rows the caller may not be able to read, so Rowguard
 * refuses it (400) unless {@code rowguard.web.sort-through-relations=allow}.
 */
public class SortThroughRelationException extends RuntimeException {

    public SortThroughRelationException() {
        super("The sort parameter names an attribute of a related entity");
    }

}
