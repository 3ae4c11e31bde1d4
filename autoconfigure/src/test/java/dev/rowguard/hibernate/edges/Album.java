package dev.rowguard.hibernate.edges;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** An owner-only parent whose unidirectional children are removed with it. */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
public class Album {

    @Id
    private Long id;

    private String ownerId;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "album_id")
    private List<Photo> photos = new ArrayList<>();

    protected Album() {
    }

    public Album(Long id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
    }

    public List<Photo> getPhotos() {
        return photos;
    }

}
