package dev.rowguard.sample.domain;

public enum SpaceRole {

    USER, ADMIN

}
