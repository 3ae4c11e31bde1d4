package com.example.notes;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/notes")
class NoteController {

    private final NoteRepository notes;

    NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping
    List<Note> list() {
        return notes.findAll();   // only the notes the caller may read
    }

    @GetMapping("/{id}")
    Note get(@PathVariable long id) {
        return notes.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Note create(@RequestBody Note note) {
        return notes.save(note);
    }

    @PatchMapping("/{id}")
    Note update(@PathVariable long id, @RequestBody Note change) {
        Note note = get(id);
        note.setTitle(change.getTitle());
        return notes.saveAndFlush(note);   // a change the rules refuse is a 403
    }

}
