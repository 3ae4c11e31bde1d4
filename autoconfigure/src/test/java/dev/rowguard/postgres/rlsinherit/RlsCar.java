package dev.rowguard.postgres.rlsinherit;

import jakarta.persistence.Entity;

/** A JOINED subclass: its table holds only its own columns. */
@Entity
public class RlsCar extends RlsVehicle {

    private int seats;

}
