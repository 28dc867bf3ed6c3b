package org.regard.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/** Picks the search store for the database Regard runs on. */
@Configuration(proxyBeanMethods = false)
class SearchStoreConfiguration {

    @Bean
    SearchStore searchStore(DataSource dataSource, JdbcClient jdbc) throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? new PostgresSearchStore(jdbc) : new H2SearchStore(jdbc);
    }
}
