package org.oaplatform.portal.accounts;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.broadcasts.boundary.BroadcastReports.Report;
import org.oaplatform.broadcasts.control.BroadcastTimeline.Point;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.portal.PortalMessages;

/**
 * The statistics of the broadcast a member chose, as the page shows them: its numbers (targeted, filtered by reason,
 * delivered, read), its progress, and delivered and read over time as a Chart.js line chart, the raw JSON that
 * PrimeFaces' {@code p:chart} takes. Times are UTC, as everywhere in the portal.
 */
public class BroadcastStatistics implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AXIS = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int SUMMARY = 40;

    private Long broadcastId;
    private String status;
    private String summary;
    private String createdAt;
    private long targeted;
    private long blacklisted;
    private long overAllowance;
    private long delivered;
    private long read;
    private int chunksDone;
    private int chunksTotal;
    private int percent;
    private String chart;

    public void show(Report report) {
        Broadcast broadcast = report.broadcast();
        broadcastId = broadcast.id();
        status = broadcast.status().name();
        summary = summary(broadcast);
        createdAt = time(broadcast.createdAt());
        targeted = report.targeted();
        blacklisted = report.blacklisted();
        overAllowance = report.overAllowance();
        delivered = report.delivered();
        read = report.read();
        chunksDone = report.progress() == null ? 0 : report.progress().done();
        chunksTotal = report.progress() == null ? 0 : report.progress().total();
        percent = report.progress() == null ? 0 : report.progress().percent();
        chart = chart(broadcast.createdAt(), report.timeline());
    }

    /** Both lines start at nothing when the broadcast was created. */
    private static String chart(Instant created, List<Point> timeline) {
        List<Point> points = new ArrayList<>();
        points.add(new Point(created.truncatedTo(ChronoUnit.MINUTES), 0, 0));
        points.addAll(timeline);
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder delivered = JSON.createArrayBuilder();
        JsonArrayBuilder read = JSON.createArrayBuilder();
        for (Point point : points) {
            labels.add(AXIS.format(point.at()));
            delivered.add(point.delivered());
            read.add(point.read());
        }
        JsonObject config = JSON.createObjectBuilder().add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", JSON.createArrayBuilder()
                        .add(dataset(PortalMessages.text("broadcasts.stats.delivered"), delivered, "#2e7d32"))
                        .add(dataset(PortalMessages.text("broadcasts.stats.read"), read, "#1565c0"))))
                .add("options", JSON.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder()
                                .add("beginAtZero", true).add("ticks", JSON.createObjectBuilder().add("precision", 0)))))
                .build();
        return config.toString();
    }

    private static JsonObject dataset(String label, JsonArrayBuilder data, String colour) {
        return JSON.createObjectBuilder().add("label", label).add("data", data).add("borderColor", colour)
                .add("backgroundColor", colour).add("stepped", true).add("fill", false).build();
    }

    /** What a member recognises a broadcast by: the start of its text, or its kind and media id. */
    static String summary(Broadcast broadcast) {
        JsonObject content = JSON.createReader(new StringReader(broadcast.content())).readObject();
        if ("text".equals(broadcast.msgType()) && content.get("content") instanceof JsonString text) {
            String whole = text.getString();
            return whole.length() <= SUMMARY ? whole : whole.substring(0, SUMMARY) + "…";
        }
        String kind = PortalMessages.text("broadcasts.kind." + broadcast.msgType());
        if (content.get("articles") instanceof JsonArray articles && !articles.isEmpty()
                && articles.get(0) instanceof JsonObject first && first.get("title") instanceof JsonString title) {
            return kind + " " + title.getString();
        }
        JsonValue mediaId = content.get("mediaId");
        return mediaId instanceof JsonString id ? kind + " " + id.getString() : kind;
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at) + " UTC";
    }

    public boolean isShown() {
        return broadcastId != null;
    }

    public boolean isSending() {
        return BroadcastStatus.SENDING.name().equals(status);
    }

    public long broadcastId() {
        return broadcastId;
    }

    public String getBroadcastId() {
        return broadcastId == null ? "" : Long.toString(broadcastId);
    }

    public String getStatus() {
        return status;
    }

    public String getSummary() {
        return summary;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public long getTargeted() {
        return targeted;
    }

    public long getBlacklisted() {
        return blacklisted;
    }

    public long getOverAllowance() {
        return overAllowance;
    }

    public long getFiltered() {
        return blacklisted + overAllowance;
    }

    public long getDelivered() {
        return delivered;
    }

    public long getRead() {
        return read;
    }

    /** Of those delivered, in whole per cent. */
    public long getReadRate() {
        return delivered == 0 ? 0 : 100 * read / delivered;
    }

    public int getChunksDone() {
        return chunksDone;
    }

    public int getChunksTotal() {
        return chunksTotal;
    }

    public int getPercent() {
        return percent;
    }

    public String getChart() {
        return chart;
    }
}
