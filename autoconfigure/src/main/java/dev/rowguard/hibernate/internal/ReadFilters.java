package dev.rowguard.hibernate.internal;

import java.util.List;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.sql.FilterShapes;

import org.jspecify.annotations.Nullable;

/**
 * The Hibernate filters that carry one entity's read rule: one per SQL shape the rule
 * folds to, plus an always-false gate that is enabled in every session until Rowguard has
 * chosen the caller's shape (so a session Rowguard never saw shows nothing rather than
 * everything).
 */
final class ReadFilters {

    private final String entity;

    private final FilterShapes shapes;

    private final List<FilterShapes.FilterShape> shapeList;

    // Named once: every session switches these filters on or off by name.
    private final List<String> shapeFilterNames;

    private final List<String> rowDrivenFilterNames;

    private final ThreadLocal<Memo> memo = new ThreadLocal<>();

    ReadFilters(String entity, FilterShapes shapes) {
        this.entity = entity;
        this.shapes = shapes;
        this.shapeList = shapes.shapes();
        this.shapeFilterNames = shapeList.stream().map(shape -> shapeFilterName(entity, shape.id())).toList();
        this.rowDrivenFilterNames = shapeList.stream().map(shape -> FilterNames.of(entity, shape.id() + "r")).toList();
    }

    String entity() {
        return entity;
    }

    List<FilterShapes.FilterShape> shapes() {
        return shapeList;
    }

    /** The filter names of {@link #shapes()}, in the same order. */
    List<String> shapeFilterNames() {
        return shapeFilterNames;
    }

    /**
     * The twin of each of {@link #shapeFilterNames()}: the same condition in the
     * row-driven form, enabled instead of it while a row is loaded or queried by id.
     */
    List<String> rowDrivenFilterNames() {
        return rowDrivenFilterNames;
    }

    String rowDrivenFilterName(int shape) {
        return rowDrivenFilterNames.get(shape);
    }

    static String shapeFilterName(String entity, int shape) {
        return FilterNames.of(entity, Integer.toString(shape));
    }

    String shapeFilterName(int shape) {
        return shapeFilterNames.get(shape);
    }

    /** The caller's shape and parameters, folded once per principal and thread. */
    FilterShapes.Selection selectionFor(@Nullable AuthPrincipal principal) {
        Memo current = memo.get();
        if (current != null && current.principal == principal) {
            return current.selection;
        }
        FilterShapes.Selection selection = shapes.select(principal);
        memo.set(new Memo(principal, selection));
        return selection;
    }

    private record Memo(@Nullable AuthPrincipal principal, FilterShapes.Selection selection) {
    }

}
