package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.Post;
import dev.rowguard.sample.domain.PostRepository;
import dev.rowguard.policy.Permissions;
import dev.rowguard.sample.web.Views.PostDetail;
import dev.rowguard.sample.web.Views.PostView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/posts")
class PostController {

    record NewPost(@NotBlank @Size(max = 200) String title, @Size(max = 20000) @Nullable String content,
            @Nullable Boolean published) {
    }

    record PostChange(@Size(min = 1, max = 200) @Nullable String title, @Size(max = 20000) @Nullable String content,
            @Nullable Boolean published) {
    }

    private final PostRepository posts;

    private final Permissions permissions;

    PostController(PostRepository posts, Permissions permissions) {
        this.posts = posts;
        this.permissions = permissions;
    }

    @GetMapping
    PagedModel<PostView> list(Pageable pageable) {
        return new PagedModel<>(posts.findAll(pageable).map(PostView::of));
    }

    @GetMapping("/{id}")
    PostDetail get(@PathVariable Long id) {
        Post post = find(id);
        return PostDetail.of(post, permissions.allowed(post));
    }

    /** The author is the caller, filled in by {@code @AuthDefault}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    PostView create(@Valid @RequestBody NewPost request) {
        return PostView.of(posts
            .save(new Post(request.title(), request.content(), Boolean.TRUE.equals(request.published()), null)));
    }

    @PatchMapping("/{id}")
    @Transactional
    PostView update(@PathVariable Long id, @Valid @RequestBody PostChange change) {
        Post post = find(id);
        if (change.title() != null) {
            post.setTitle(change.title());
        }
        if (change.content() != null) {
            post.setContent(change.content());
        }
        if (change.published() != null) {
            post.setPublished(change.published());
        }
        posts.flush();
        return PostView.of(post);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable Long id) {
        posts.delete(find(id));
        posts.flush();
    }

    private Post find(Long id) {
        return posts.findById(id).orElseThrow(() -> NotFound.of("post"));
    }

}
