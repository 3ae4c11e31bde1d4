package dev.rowguard.names;

/** A row that names its owner. */
public interface Owned {

    String owner();

}
