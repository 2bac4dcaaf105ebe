package dev.bricks.local.s3;

import java.util.ArrayList;
import java.util.List;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;

/**
 * s3proxy's blob store with a hook after each write: reports created and removed objects to a
 * {@link Listener}. s3proxy's PutObject and POST uploads call {@code putBlob}, CopyObject {@code copyBlob},
 * CompleteMultipartUpload {@code completeMultipartUpload}, DeleteObject {@code removeBlob} and DeleteObjects
 * {@code removeBlobs}. Upload bodies still in {@code aws-chunked} framing are decoded first (see
 * {@link AwsChunkedBody}).
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    /** Told about each change after it succeeded, on the request's thread. */
    interface Listener {
        /** {@code caller}: the access key id the request was signed with; null when unsigned or unknown. */
        void created(S3EventType type, String bucket, String key, BlobMetadata metadata, String caller);

        void removed(String bucket, String key);
    }

    private final Listener listener;
    private final String caller;

    /**
     * @param caller the access key id of the requests this instance serves (s3proxy locates a blob store per
     *     request by its credential); null when unknown
     */
    NotifyingBlobStore(BlobStore delegate, Listener listener, String caller) {
        super(delegate);
        this.listener = listener;
        this.caller = caller;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, PutOptions.NONE);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        try (DecodedPayload decoded = DecodedPayload.of(blob.getPayload())) {
            if (decoded.payload() != blob.getPayload()) {
                blob.setPayload(decoded.payload());
            }
            String eTag = super.putBlob(container, blob, options);
            created(
                    S3EventType.OBJECT_CREATED_PUT,
                    container,
                    blob.getMetadata().getName());
            return eTag;
        }
    }

    @Override
    public MultipartPart uploadMultipartPart(MultipartUpload mpu, int partNumber, Payload payload) {
        try (DecodedPayload decoded = DecodedPayload.of(payload)) {
            return super.uploadMultipartPart(mpu, partNumber, decoded.payload());
        }
    }

    @Override
    public String copyBlob(
            String fromContainer, String fromName, String toContainer, String toName, CopyOptions options) {
        String eTag = super.copyBlob(fromContainer, fromName, toContainer, toName, options);
        created(S3EventType.OBJECT_CREATED_COPY, toContainer, toName);
        return eTag;
    }

    @Override
    public String completeMultipartUpload(MultipartUpload mpu, List<MultipartPart> parts) {
        String eTag = super.completeMultipartUpload(mpu, parts);
        created(S3EventType.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD, mpu.containerName(), mpu.blobName());
        return eTag;
    }

    @Override
    public void removeBlob(String container, String name) {
        boolean existed = super.blobExists(container, name);
        super.removeBlob(container, name);
        if (existed) {
            listener.removed(container, name);
        }
    }

    @Override
    public void removeBlobs(String container, Iterable<String> names) {
        List<String> existed = new ArrayList<>();
        for (String name : names) {
            if (super.blobExists(container, name)) {
                existed.add(name);
            }
        }
        super.removeBlobs(container, names);
        existed.forEach(name -> listener.removed(container, name));
    }

    private void created(S3EventType type, String container, String name) {
        BlobMetadata metadata = super.blobMetadata(container, name);
        if (metadata != null) {
            listener.created(type, container, name, metadata, caller);
        }
    }
}
