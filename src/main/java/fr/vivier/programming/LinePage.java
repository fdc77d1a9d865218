package fr.vivier.programming;

import java.util.List;

/** One page of lines; {@code page} counts from 0. */
public record LinePage(List<ProgrammingLine> lines, int total, int page, int pageSize) {
    public int totalPages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    static LinePage of(List<Long> ids, int page, int pageSize, ProgrammingRepository repository) {
        int from = Math.min(ids.size(), page * pageSize);
        int to = Math.min(ids.size(), from + pageSize);
        return new LinePage(repository.lines(ids.subList(from, to)), ids.size(), page, pageSize);
    }
}
