package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import dev.bricks.dynamo.annotation.Version;
import java.util.Objects;

/** A mutable JavaBean entity, for users who need classes rather than records. */
@Entity(type = "CUSTOMER")
@PrimaryKey(pk = "CUSTOMER#{id}", sk = "CUSTOMER")
public class Customer {
    private String id;

    @Attribute("Name")
    private String name;

    private int visits;
    private boolean active;

    @Version
    private Long version;

    private transient String cache;

    public Customer() {}

    public Customer(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getVisits() {
        return visits;
    }

    public void setVisits(int visits) {
        this.visits = visits;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getCache() {
        return cache;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Customer c
                && Objects.equals(id, c.id)
                && Objects.equals(name, c.name)
                && visits == c.visits
                && active == c.active
                && Objects.equals(version, c.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, visits, active, version);
    }

    @Override
    public String toString() {
        return "Customer[" + id + ", " + name + ", " + visits + ", " + active + ", v" + version + "]";
    }
}
