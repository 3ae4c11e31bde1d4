package dev.rowguard.hibernate.redteam;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityNotFoundException;

import org.hibernate.Hibernate;
import org.hibernate.ObjectNotFoundException;

/**
 * Everything a caller can reach from what a query or load gave them: every field of every
 * entity, every element and key of every collection and map, lazy ones initialized,
 * proxies resolved. A proxy or relation to a row that turns out to be missing for the
 * caller counts as nothing reached.
 */
final class ReachableValues {

    private ReachableValues() {
    }

    /**
     * The strings reachable from the roots (which must be walked inside their open
     * session).
     */
    static List<String> from(Object roots) {
        List<String> strings = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(roots == null ? List.of() : roots);
        while (!pending.isEmpty()) {
            Object value = resolve(pending.pop());
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (value instanceof String string) {
                strings.add(string);
            }
            else if (value instanceof Map<?, ?> map) {
                map.forEach((key, element) -> {
                    pending.push(key == null ? List.of() : key);
                    pending.push(element == null ? List.of() : element);
                });
            }
            else if (value instanceof Collection<?> elements) {
                elements.forEach(element -> pending.push(element == null ? List.of() : element));
            }
            else if (value instanceof Object[] array) {
                for (Object element : array) {
                    pending.push(element == null ? List.of() : element);
                }
            }
            else if (value.getClass().getPackageName().equals(ReachableValues.class.getPackageName())) {
                for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()
                                && !field.getName().startsWith("$$")) {
                            field.setAccessible(true);
                            try {
                                Object fieldValue = field.get(value);
                                if (fieldValue != null) {
                                    pending.push(fieldValue);
                                }
                            }
                            catch (IllegalAccessException ex) {
                                throw new IllegalStateException(ex);
                            }
                        }
                    }
                }
            }
        }
        return strings;
    }

    private static Object resolve(Object value) {
        try {
            return Hibernate.unproxy(value);
        }
        catch (EntityNotFoundException | ObjectNotFoundException hidden) {
            return null;
        }
    }

}
