package com.example.notes;

import dev.rowguard.devkit.RowguardDevServices;

import org.springframework.boot.SpringApplication;

public class TestNotesApplication {

    public static void main(String[] args) {
        SpringApplication.from(NotesApplication::main).with(RowguardDevServices.class).run(args);
    }

}
