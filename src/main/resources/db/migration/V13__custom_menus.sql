-- Custom menus (spec §3): an account's default menu and its conditional menus. A menu is written and read whole,
-- never queried by button, so its buttons are one JSON document in WeChat's own shape.

-- One row per account that ever had a menu: the lock that orders all menu changes of the account, and the last
-- menuid handed out (menuids only grow, so "newest first" is by menuid).
CREATE TABLE menu_account (
    account_id      BIGINT       NOT NULL PRIMARY KEY,
    last_menu_id    BIGINT       NOT NULL,
    CONSTRAINT fk_menu_account_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE menu (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id            BIGINT       NOT NULL,
    menu_id               BIGINT       NOT NULL,
    conditional_menu      BOOLEAN      NOT NULL,
    tag_id                INT          NULL,
    client_platform_type  INT          NULL,
    buttons               MEDIUMTEXT   NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    CONSTRAINT uk_menu_account_menu UNIQUE (account_id, menu_id),
    KEY idx_menu_account_kind (account_id, conditional_menu, menu_id),
    CONSTRAINT fk_menu_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
