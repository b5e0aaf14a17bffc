package dev.dirsync.scim.endpoint.users;

import java.util.List;

import jakarta.persistence.EntityManager;

import dev.dirsync.scim.endpoint.query.IdPage;

/**
 * Pages of a whole realm's users in username order (a directory's full import: no filter, default sort), at a cost
 * that does not grow with the realm. Service accounts are not SCIM users, but excluding them in the paging query
 * makes the database read every skipped row. Instead the offset is walked on the (realm, username) index alone, and
 * the few service accounts are accounted for separately: the page starts at the first username whose position,
 * minus the service accounts before it, is the requested one. Counts are two index-only counts.
 */
final class RealmUserPages {

    /** More rounds than any realm has service accounts interleaved before one page start. */
    private static final int MAX_ROUNDS = 1000;

    private RealmUserPages() {
    }

    static IdPage page(EntityManager em, String realmId, int startIndex, int count) {
        long all = em.createQuery("select count(*) from UserEntity u where u.realmId = :realm", Long.class)
                .setParameter("realm", realmId).getSingleResult();
        long serviceAccounts = serviceAccountsUpTo(em, realmId, null);
        long total = all - serviceAccounts;
        if (count == 0 || startIndex > total) {
            return new IdPage(total, List.of());
        }
        String first = firstUsername(em, realmId, startIndex - 1L);
        if (first == null) {
            return new IdPage(total, List.of());
        }
        List<String> ids = em.createQuery("select u.id from UserEntity u where u.realmId = :realm "
                        + "and u.serviceAccountClientLink is null and u.username >= :first order by u.username asc",
                        String.class)
                .setParameter("realm", realmId).setParameter("first", first).setMaxResults(count).getResultList();
        return new IdPage(total, ids);
    }

    /** The username of the non-service-account user at 0-based {@code position}, or {@code null}. */
    private static String firstUsername(EntityManager em, String realmId, long position) {
        long skipped = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<String> candidate = em.createQuery("select u.username from UserEntity u where u.realmId = :realm "
                            + "order by u.username asc", String.class)
                    .setParameter("realm", realmId).setFirstResult((int) Math.min(Integer.MAX_VALUE, position + skipped))
                    .setMaxResults(1).getResultList();
            if (candidate.isEmpty()) {
                return null;
            }
            long before = serviceAccountsUpTo(em, realmId, candidate.get(0));
            if (before == skipped) {
                return candidate.get(0);
            }
            skipped = before;
        }
        throw new IllegalStateException("Could not position the page among service accounts");
    }

    /** Service accounts of the realm whose username sorts at or before {@code username} (all when null). */
    private static long serviceAccountsUpTo(EntityManager em, String realmId, String username) {
        String query = "select count(*) from UserEntity u where u.realmId = :realm "
                + "and u.serviceAccountClientLink is not null" + (username == null ? "" : " and u.username <= :username");
        var typed = em.createQuery(query, Long.class).setParameter("realm", realmId);
        if (username != null) {
            typed.setParameter("username", username);
        }
        return typed.getSingleResult();
    }
}
