package io.vigil.dedup.stream;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB settings of the dedup stores: one block cache and one write-buffer budget shared by all
 * stores of the process, so that memory stays bounded however much the stores hold (the pattern of
 * Kafka Streams' memory-management documentation); Bloom filters, so that looking up an LSH bucket
 * nobody shares (the common case) rarely touches a data block.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** Total off-heap memory for block cache and memtables of all dedup stores. */
    static final long TOTAL_BYTES = 256L << 20;

    private static final long MEMTABLE_BYTES = 64L << 20;

    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS =
            new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setFilterPolicy(new BloomFilter(10, false));
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store: never closed here
    }
}
