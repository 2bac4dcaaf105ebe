package dev.bricks.benchmarks.dynamo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The same item as a bean for {@code TableSchema.fromBean}: keys composed by hand, as people do today. */
@DynamoDbBean
public class ItemBean {
    private String pk;
    private String sk;
    private String gsi1pk;
    private String gsi1sk;
    private String entityType;
    private String owner;
    private String id;
    private String name;
    private Item.Status status;
    private BigDecimal price;
    private Integer quantity;
    private List<String> skus;
    private Set<String> tags;
    private Map<String, Integer> counts;
    private Instant createdAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("PK")
    public String getPk() {
        return pk;
    }

    public void setPk(String v) {
        pk = v;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("SK")
    public String getSk() {
        return sk;
    }

    public void setSk(String v) {
        sk = v;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "GSI1")
    @DynamoDbAttribute("GSI1PK")
    public String getGsi1pk() {
        return gsi1pk;
    }

    public void setGsi1pk(String v) {
        gsi1pk = v;
    }

    @DynamoDbSecondarySortKey(indexNames = "GSI1")
    @DynamoDbAttribute("GSI1SK")
    public String getGsi1sk() {
        return gsi1sk;
    }

    public void setGsi1sk(String v) {
        gsi1sk = v;
    }

    @DynamoDbAttribute("EntityType")
    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String v) {
        entityType = v;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String v) {
        owner = v;
    }

    public String getId() {
        return id;
    }

    public void setId(String v) {
        id = v;
    }

    @DynamoDbAttribute("Name")
    public String getName() {
        return name;
    }

    public void setName(String v) {
        name = v;
    }

    public Item.Status getStatus() {
        return status;
    }

    public void setStatus(Item.Status v) {
        status = v;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal v) {
        price = v;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer v) {
        quantity = v;
    }

    public List<String> getSkus() {
        return skus;
    }

    public void setSkus(List<String> v) {
        skus = v;
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> v) {
        tags = v;
    }

    public Map<String, Integer> getCounts() {
        return counts;
    }

    public void setCounts(Map<String, Integer> v) {
        counts = v;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant v) {
        createdAt = v;
    }
}
