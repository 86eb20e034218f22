package org.oaplatform.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Someone with a personal account, known by a phone number. */
@Entity
@Table(name = "person")
@NamedQuery(name = Person.BY_PHONE, query = "SELECT p FROM Person p WHERE p.phone = :phone")
public class Person {

    public static final String BY_PHONE = "Person.byPhone";
    public static final String MAINLAND_CHINA_PREFIX = "+86";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 20)
    private String phone;

    @Column(nullable = false, length = 2)
    private String region;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Column(unique = true, length = 20)
    private String handle;

    @Column(name = "handle_changes", nullable = false)
    private int handleChanges;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Person() {
    }

    public Person(String phone, String region, String passwordHash, String displayName, String language,
            Instant createdAt) {
        this.phone = phone;
        this.region = region;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.language = language;
        this.createdAt = createdAt;
    }

    /** People registered with a +86 number live under mainland rules (e.g. they cannot see international accounts). */
    public boolean hasMainlandChinaNumber() {
        return phone.startsWith(MAINLAND_CHINA_PREFIX);
    }

    /** The WeChat ID may be chosen once and changed once afterwards. */
    public boolean mayChangeHandle() {
        return handle == null || handleChanges == 0;
    }

    public void assignHandle(String newHandle) {
        if (handle != null) {
            handleChanges++;
        }
        handle = newHandle;
    }

    public void rename(String newDisplayName) {
        displayName = newDisplayName;
    }

    public void moveTo(String newRegion) {
        region = newRegion;
    }

    public void speak(String newLanguage) {
        language = newLanguage;
    }

    public void changePasswordHash(String newHash) {
        passwordHash = newHash;
    }

    public Long id() {
        return id;
    }

    public String phone() {
        return phone;
    }

    public String region() {
        return region;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public String handle() {
        return handle;
    }

    public String language() {
        return language;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
