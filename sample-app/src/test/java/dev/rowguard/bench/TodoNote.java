package dev.rowguard.bench;

import org.jspecify.annotations.Nullable;

/** A page row that includes the todo's note, a field only the todo's owner may read. */
public record TodoNote(Long id, String title, @Nullable String note) {
}
