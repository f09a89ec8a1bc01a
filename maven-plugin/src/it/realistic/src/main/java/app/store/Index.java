package app.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** Package-private collaborator with package-private members, no @Async. */
class Index {
    final Map<String, Item> byId = new LinkedHashMap<>();
    int writes;

    Index() {}

    Item get(String id) {
        return byId.get(id);
    }
}
