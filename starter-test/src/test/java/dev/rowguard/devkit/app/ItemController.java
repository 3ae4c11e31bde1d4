package dev.rowguard.devkit.app;

import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class ItemController {

    private final ItemRepository items;

    ItemController(ItemRepository items) {
        this.items = items;
    }

    @GetMapping("/items")
    List<Item> list() {
        return items.findAll();
    }

    @GetMapping("/items/{id}")
    Item get(@PathVariable long id) {
        return items.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    Item create(@RequestBody Item item) {
        return items.save(item);
    }

    @PatchMapping("/items/{id}")
    Item rename(@PathVariable long id, @RequestBody Map<String, String> change) {
        Item item = get(id);
        item.setTitle(change.get("title"));
        return items.saveAndFlush(item);
    }

    @GetMapping("/me")
    Map<String, Object> me(@Nullable AuthPrincipal caller) {
        return caller == null ? Map.of("authenticated", false)
                : Map.of("authenticated", true, "id", caller.id(), "attributes", caller.attributes());
    }

}
