package dev.rowguard.postgres.rlsbad;

import jakarta.persistence.Entity;

/** A shape of its own, under {@link RlsShape}'s rules. */
@Entity
public class RlsCircle extends RlsShape {

}
