package dev.dirsync.scim.endpoint.query;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * One page of resource ids and the total number of matches, both computed by the database: a list never loads
 * more than one page of resources, whatever the realm's size.
 */
public record IdPage(long total, List<String> ids) {

    /**
     * @param from   e.g. {@code UserEntity u}
     * @param alias  e.g. {@code u}
     * @param where  a JPQL predicate using {@code jpql}'s parameters
     * @param order  a JPQL order-by list
     */
    public static IdPage query(EntityManager em, String from, String alias, String where, String order, Jpql jpql,
            int startIndex, int count) {
        TypedQuery<Long> total = em.createQuery("select count(*) from " + from + " where " + where,
                Long.class);
        bind(total, jpql.parameters());
        return query(em, from, alias, where, order, jpql, startIndex, count, total.getSingleResult());
    }

    /** The same with the number of matches already known. */
    public static IdPage query(EntityManager em, String from, String alias, String where, String order, Jpql jpql,
            int startIndex, int count, long matches) {
        if (count == 0 || matches < startIndex) {
            return new IdPage(matches, List.of());
        }
        TypedQuery<String> page = em.createQuery("select " + alias + ".id from " + from + " where " + where
                + " order by " + order, String.class);
        bind(page, jpql.parameters());
        page.setFirstResult(startIndex - 1);
        page.setMaxResults(count);
        return new IdPage(matches, page.getResultList());
    }

    /** Binds the parameters this query uses (the count query has none of the order-by's). */
    private static void bind(TypedQuery<?> query, Map<String, Object> parameters) {
        query.getParameters().forEach(p -> query.setParameter(p.getName(), parameters.get(p.getName())));
    }
}
