package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.Post;
import dev.rowguard.sample.domain.PostRepository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/posts")
class PostController {

    private final PostRepository posts;

    PostController(PostRepository posts) {
        this.posts = posts;
    }

    @GetMapping
    PagedModel<PostView> list(Pageable pageable) {
        Page<PostView> page = posts.findAll(pageable).map(PostView::of);
        return new PagedModel<>(page);
    }

    record PostView(Long id, String title, String content, boolean published, String authorId) {
        static PostView of(Post post) {
            return new PostView(post.getId(), post.getTitle(), post.getContent(), post.isPublished(),
                    post.getAuthorId());
        }
    }
}
