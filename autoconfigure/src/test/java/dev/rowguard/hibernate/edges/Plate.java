package dev.rowguard.hibernate.edges;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SecondaryTable;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * A SINGLE_TABLE hierarchy with a secondary table, which Hibernate changes in bulk over
 * several tables: any signed-in caller may change a plate, only its owner an
 * {@link OwnedPlate}.
 */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@SecondaryTable(name = "plate_extra")
@Allow(value = ALL, when = "auth() != null")
public class Plate {

    @Id
    private Long id;

    private String ownerId;

    @Column(table = "plate_extra")
    private String note;

    protected Plate() {
    }

    public Plate(Long id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
        this.note = "note";
    }

    /** Its owner's only. */
    @Entity
    @Allow(value = READ, when = "auth() != null")
    @Allow(value = { UPDATE, DELETE }, when = "auth().id == ownerId")
    public static class OwnedPlate extends Plate {

        protected OwnedPlate() {
        }

        public OwnedPlate(Long id, String ownerId) {
            super(id, ownerId);
        }

    }

}
